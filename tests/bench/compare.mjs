// Native against baseline, end to end: the two commands run alternately (native, baseline,
// native, ...) so that both see the same machine load, and the ratio is the median of the
// per-pair ratios. On a shared, noisy machine this is steadier than two separate blocks.
import { median, round, timed } from './lib.mjs';
import { nativeCommand, summarizeNative } from './part_native.mjs';
import { baselineCommand, summarizeBaseline } from './part_baseline.mjs';

export function measureNativeAndBaseline(input, repeat) {
  const nat = [], base = [];
  for (let i = 0; i < repeat; i++) {
    const n = nativeCommand(input), b = baselineCommand(input);
    nat.push(timed(n.argv, { okCodes: n.okCodes }));
    base.push(timed(b.argv, { okCodes: b.okCodes }));
  }
  return {
    native: summarizeNative(nat, input, repeat),
    baseline: summarizeBaseline(base),
    native_vs_baseline: round(median(nat.map((r, i) => r.wall_s / base[i].wall_s))),
  };
}
