#pragma once
// Where is a given notice? The first question a municipality asks when a
// citizen calls (issue 17): the pieces whose id, document ids (the
// Kassenzeichen or other reference the application gave), recipient or
// postcode match, with their job, run and what became of them.
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/store/store.hpp"

namespace kuvert::store {

struct NoticeHit {
  std::string piece;
  std::string documents;  // space-separated; "" as recipient
  std::string recipient;  // "" when the searcher may not see it
  std::string postcode;   // as recipient
  std::int64_t sheets = 0;
  std::string status;  // at the inserter; "" not yet set
  std::int64_t run = 0;
  std::string run_name;
  std::string run_state;
  bool sensitive = false;
  std::string posted_on;
  std::int64_t job = 0;
  std::string job_name;
  std::string client;
  std::string created;  // the run's
};

inline constexpr std::size_t kMinSearchLength = 3;
inline constexpr std::size_t kMaxSearchLength = 200;
inline constexpr std::int64_t kMaxNoticeHits = 100;

// Pieces, newest first, at most kMaxNoticeHits: a piece id or document id
// containing `text`, a postcode equal to it, a recipient containing it
// (letters compared without case for ASCII). With `see_sensitive` false, a
// sensitive run's pieces are found only by a whole piece or document id,
// and show neither their documents nor their recipient.
// `text` must be kMinSearchLength to kMaxSearchLength bytes.
std::vector<NoticeHit> find_notices(Store& store, const std::string& text, bool see_sensitive);

}  // namespace kuvert::store
