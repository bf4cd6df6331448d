#pragma once
// The scan pipeline's shape, for a whole batch (scan_batch) and for a part
// of one (scan_parts): a serial reader, pages processed in parallel
// (stages/scan/page_processing, each thread with its own Tesseract engine)
// and a serial writer that takes them in the reader's order.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <memory>
#include <optional>

#include "pipeline/model/scan_profile.hpp"
#include "stages/scan/page_processing.hpp"

namespace kuvert {

// `next()` gives an optional Item until there are none; `process(Item&&,
// PageWorker&)` makes a Done of each on `threads` threads (0: one per
// core); `write(Done&&)` takes them in order.
template <class Item, class Done, class Next, class Process, class Write>
void run_page_pipeline(unsigned threads, const ScanProfile& profile, Next next, Process process, Write write) {
  if (threads == 0) threads = static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  tbb::enumerable_thread_specific<std::unique_ptr<PageWorker>> workers;
  using ItemPtr = std::shared_ptr<Item>;
  using DonePtr = std::shared_ptr<Done>;
  tbb::parallel_pipeline(
      2 * threads,
      tbb::make_filter<void, ItemPtr>(tbb::filter_mode::serial_in_order,
                                      [&next](tbb::flow_control& control) -> ItemPtr {
                                        std::optional<Item> item = next();
                                        if (!item) {
                                          control.stop();
                                          return nullptr;
                                        }
                                        return std::make_shared<Item>(std::move(*item));
                                      }) &
          tbb::make_filter<ItemPtr, DonePtr>(tbb::filter_mode::parallel,
                                             [&](ItemPtr item) {
                                               auto& worker = workers.local();
                                               if (!worker) worker = std::make_unique<PageWorker>(profile.languages);
                                               return std::make_shared<Done>(process(std::move(*item), *worker));
                                             }) &
          tbb::make_filter<DonePtr, void>(tbb::filter_mode::serial_in_order,
                                          [&write](DonePtr done) { write(std::move(*done)); }));
}

}  // namespace kuvert
