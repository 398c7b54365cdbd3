// Injected before the page's scripts: wraps requestAnimationFrame so the benchmark can read how
// long each frame's work took (the client's main loop runs in these callbacks) and when the first
// frame after the wasm runtime started finished. WebGL getParameter calls are timed apart: each is
// a synchronous round trip to the GPU process, so under SwiftShader it waits for the previous
// frame's software rendering, and that wait is not the client's own work.
(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const probe = { frames: [], firstFrameMs: null, recording: false, glSyncMs: 0 };
  window.__hemisBench = probe;
  for (const ctx of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!ctx) continue;
    const get = ctx.prototype.getParameter;
    ctx.prototype.getParameter = function (p) {
      const t = performance.now();
      try { return get.call(this, p); } finally { probe.glSyncMs += performance.now() - t; }
    };
  }
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const start = performance.now();
    const sync0 = probe.glSyncMs;
    cb(ts);
    const end = performance.now();
    const running = !!(window.Module && window.Module.calledRun);
    if (running && probe.firstFrameMs === null) probe.firstFrameMs = end;
    if (probe.recording) probe.frames.push({ start, work: end - start, glSync: probe.glSyncMs - sync0 });
  });
})();
