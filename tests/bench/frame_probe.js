// Injected before the page's scripts: wraps requestAnimationFrame so the benchmark can read how
// long each frame's work took (the client's main loop runs in these callbacks) and when the first
// frame after the wasm runtime started finished.
(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const probe = { frames: [], firstFrameMs: null, recording: false };
  window.__hemisBench = probe;
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const start = performance.now();
    cb(ts);
    const end = performance.now();
    const running = !!(window.Module && window.Module.calledRun);
    if (running && probe.firstFrameMs === null) probe.firstFrameMs = end;
    if (probe.recording) probe.frames.push({ start, work: end - start });
  });
})();
