#include "pipeline/service/inbox_intake.hpp"

#include "pipeline/service/inbox_files.hpp"
#include "pipeline/store/job_records.hpp"
#include "stages/ingest/inbox_listing.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

void remove_trigger(const fs::path& folder, const std::string& name) {
  std::error_code error;
  fs::remove(folder / trigger_name(name), error);
}

}  // namespace

Intake take_entry(Store& store, const Inbox& inbox, const std::string& name, std::int64_t now) {
  const fs::path entry = inbox.folder / name;
  const std::string sha256 = entry_sha256(entry);
  const Taking taking = begin_taking(store, inbox.name, name, sha256, "", now);
  if (taking.duplicate_of) {
    const auto& first = *taking.duplicate_of;
    Intake refused;
    refused.refusal = "duplicate: identical (SHA-256 " + sha256.substr(0, 16) + "...) to input " +
                      std::to_string(first.id) + " (" + first.inbox + "/" + first.name + ", received " +
                      first.received_at + "), which was accepted already";
    const fs::path place = refuse_entry(entry, inbox.folder, refused.refusal);
    remove_trigger(inbox.folder, name);
    record_duplicate(store, inbox.name, name, sha256, place.string(), first.id, now);
    return refused;
  }
  const fs::path place = store.inputs_folder() / std::to_string(taking.id) / name;
  set_input_place(store, taking.id, place.string());
  move_entry(entry, place);
  remove_trigger(inbox.folder, name);
  set_input_state(store, taking.id, InputState::taken, inbox.name + "/" + name, now);
  return {taking.id, {}};
}

void recover_takings(Store& store, const ServiceConfig& config, std::int64_t now) {
  for (const auto& input : inputs_in_state(store, InputState::taking)) {
    std::error_code error;
    const bool moved = !input.place.empty() && fs::exists(input.place, error);
    if (!moved) {
      forget_input(store, input.id);  // still in its inbox: taken again
      continue;
    }
    for (const auto& inbox : config.inboxes) {
      if (inbox.name != input.inbox) continue;
      // A copy across file systems that was complete but whose source was
      // not yet removed.
      const fs::path source = inbox.folder / input.name;
      if (fs::exists(source, error) && entry_sha256(source) == input.sha256) fs::remove_all(source, error);
      remove_trigger(inbox.folder, input.name);
    }
    set_input_state(store, input.id, InputState::taken, input.inbox + "/" + input.name, now);
  }
}

}  // namespace kuvert::service
