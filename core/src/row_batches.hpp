// Internal: a loop over every record run as many calls, one per batch of rows. WebAssembly engines
// (V8, SpiderMonkey) start a function in a baseline tier and switch it to optimised code only
// between calls, never during one: a single call looping over 100k records in the browser ran all
// of them unoptimised, about twice as slow as the optimised code (issue 6). Natively, a call per
// few hundred rows costs nothing measurable.
#pragma once
#include <cstddef>

namespace hemis {

inline constexpr std::size_t kRowsPerBatch = 256;

// Not inlined, so that each batch is a call of its own; `body` is inlined into it.
template <class Body>
[[gnu::noinline]] void run_row_batch(std::size_t begin, std::size_t end, const Body& body) {
    for (std::size_t row = begin; row < end; ++row) body(row);
}

// Full batches, then the rest. Two call sites also keep the batch a function of its own in the
// wasm build: Binaryen inlines a function called from one place whatever its attributes.
template <class Body>
void for_each_row(std::size_t rows, const Body& body) {
    std::size_t begin = 0;
    for (; rows - begin > kRowsPerBatch; begin += kRowsPerBatch)
        run_row_batch(begin, begin + kRowsPerBatch, body);
    if (begin < rows) run_row_batch(begin, rows, body);
}

}  // namespace hemis
