#include "pipeline/service/inbox_intake.hpp"

#include "pipeline/inbox/inbox_listing.hpp"
#include "pipeline/service/child_production.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

// Why `entry` is not made of plain files and folders only: the first
// symbolic link (it could make a job read files of other clients, or of the
// system) or FIFO, device or socket (reading it would block the service)
// at or inside it, named relative to it.
std::optional<std::string> not_plain_in(const fs::path& entry) {
  const auto kind = [](fs::file_status status, const std::string& name) -> std::optional<std::string> {
    if (fs::is_symlink(status)) return "contains a symbolic link (" + name + ")";
    if (!fs::is_regular_file(status) && !fs::is_directory(status))
      return "contains a pipe, device or socket (" + name + ")";
    return std::nullopt;
  };
  std::error_code error;
  if (auto reason = kind(fs::symlink_status(entry, error), entry.filename().string())) return reason;
  if (!fs::is_directory(entry, error)) return std::nullopt;
  for (fs::recursive_directory_iterator it(entry, error), end; !error && it != end; it.increment(error))
    if (auto reason = kind(it->symlink_status(error), it->path().lexically_relative(entry).string())) return reason;
  return std::nullopt;
}

void remove_trigger(const fs::path& folder, const std::string& name) {
  std::error_code error;
  fs::remove(folder / trigger_name(name), error);
}

}  // namespace

Intake take_entry(Store& store, const Inbox& inbox, const std::string& name, std::int64_t now,
                  const std::string& worker) {
  const fs::path entry = inbox.folder / name;
  std::error_code gone;
  // Taken meanwhile by another host watching the same folder.
  if (!fs::exists(fs::symlink_status(entry, gone))) return {};
  // Into error/ with the reason, and recorded.
  const auto refuse = [&](const std::string& sha256, InputState state, std::string reason) {
    const fs::path place = refuse_entry(entry, inbox.folder, reason);
    remove_trigger(inbox.folder, name);
    record_refusal(store, inbox.name, name, sha256, place.string(), state, reason, now);
    return Intake{0, std::move(reason)};
  };
  if (const auto reason = not_plain_in(entry))
    return refuse("", InputState::failed, *reason + "; inputs must be plain files and folders");
  std::error_code error;
  if (inbox.kind == InboxKind::printfile && (fs::is_directory(entry, error) || !is_pdf_name(entry)))
    return refuse("", InputState::failed,
                  "a printfile inbox takes print files without an index (NAME.pdf), split by the profile \"" +
                      inbox.split + "\"; job folders go to a job inbox");
  const std::string sha256 = entry_sha256(entry);
  const Taking taking = begin_taking(store, inbox.name, name, sha256, "", now, worker);
  if (taking.duplicate_of) {
    const auto& first = *taking.duplicate_of;
    // Being taken: this very entry by another host, or a copy that is
    // refused once the first is taken. Or taken by another host just now.
    if (first.state == InputState::taking || !fs::exists(fs::symlink_status(entry, gone))) return {};
    return refuse(sha256, InputState::duplicate,
                  "duplicate: identical (SHA-256 " + sha256.substr(0, 16) + "...) to input " +
                      std::to_string(first.id) + " (" + first.inbox + "/" + first.name + ", received " +
                      first.received_at + "), which was accepted already");
  }
  const fs::path place = store.inputs_folder() / std::to_string(taking.id) / name;
  try {
    set_input_place(store, taking.id, place.string());
    move_entry(entry, place);
  } catch (...) {
    // Not taken: it stays in the inbox and is tried again, as itself.
    forget_input(store, taking.id);
    throw;
  }
  try {
    // Only while this worker holds the taking: one whose lease ran out
    // meanwhile may find it forgotten by another (recover_takings).
    as_holder(store, ClaimedUnit::input, taking.id, worker,
              [&] { set_input_state(store, taking.id, InputState::taken, inbox.name + "/" + name, now); });
  } catch (...) {
    std::error_code error;
    fs::rename(place, entry, error);  // back into the inbox, taken again later
    throw;
  }
  remove_trigger(inbox.folder, name);
  return {taking.id, {}};
}

void send_to_error_folder(Store& store, const Inbox& inbox, const InputRecord& input, const std::string& reason,
                          const std::function<void(const std::string&)>& log) {
  const fs::path place = refuse_entry(input.place, inbox.folder, reason);
  set_input_place(store, input.id, place.string());
  log(input_label(input) + ": failed, moved to " + place.string());
}

void recover_takings(Store& store, const ServiceConfig& config, std::int64_t now, const std::string& worker) {
  for (std::int64_t after = 0;;) {
    const auto input = claim_input(store, worker, InputState::taking, after);
    if (!input) return;
    after = input->id;
    std::error_code error;
    const bool moved = !input->place.empty() && fs::exists(input->place, error);
    if (!moved) {
      forget_input(store, input->id);  // still in its inbox: taken again
      continue;
    }
    for (const auto& inbox : config.inboxes) {
      if (inbox.name != input->inbox) continue;
      // A copy across file systems that was complete but whose source was
      // not yet removed.
      const fs::path source = inbox.folder / input->name;
      if (fs::exists(source, error) && entry_sha256(source) == input->sha256) fs::remove_all(source, error);
      remove_trigger(inbox.folder, input->name);
    }
    set_input_state(store, input->id, InputState::taken, input->inbox + "/" + input->name, now);
  }
}

}  // namespace kuvert::service
