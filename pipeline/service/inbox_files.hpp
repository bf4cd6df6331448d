#pragma once
// The file work of taking inputs: their content hash, moving them (across
// file systems too: inboxes are often network shares) and putting refused
// ones into the inbox's error/ folder with the reason beside them. Nothing
// is ever overwritten or lost: a move copies completely before it removes.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kuvert::service {

// SHA-256 of a file, or of a folder: every file's relative path, size and
// bytes in path order, so that the same job folder hashes alike wherever
// it lies.
std::string entry_sha256(const std::filesystem::path& entry);

// Moves a file or folder to `to` (which must not exist). Across file
// systems: copies to a hidden name beside `to`; when the source changed
// meanwhile (names, sizes, modification times), drops the copy and throws;
// else syncs, renames, then removes exactly what was copied (a file written
// into the source after that stays). Throws kuvert::Error (system).
void move_entry(const std::filesystem::path& from, const std::filesystem::path& to);

// Moves `entry` into `inbox/error/` (under a free name: "x.pdf", "x.pdf~2";
// a name past 200 bytes cut and marked "~cut") with "NAME.error.txt"
// beside it saying why, the whole name first. Returns where it went.
std::filesystem::path refuse_entry(const std::filesystem::path& entry, const std::filesystem::path& inbox,
                                   const std::string& reason);

// The hidden name beside `file` that it is written under before the
// rename that makes it appear: ".NAME.part", which inboxes and printers skip.
std::filesystem::path partial_path(const std::filesystem::path& file);

// The entry directly inside `folder` that holds `path` (or is it); nothing
// when `path` lies elsewhere.
std::optional<std::filesystem::path> entry_inside(const std::filesystem::path& path,
                                                  const std::filesystem::path& folder);

// Fsyncs a folder, so that a rename or new file in it survives a power cut.
void sync_folder(const std::filesystem::path& folder);
// Fsyncs a file's bytes; throws kuvert::Error (system) when they may not
// have reached the disk.
void sync_file(const std::filesystem::path& file);

// Writes a small file completely under a temporary name, then renames it.
void write_file_atomically(const std::filesystem::path& file, const std::string& text);
// Has `write` write `target`'s content to the temporary name it is given,
// syncs it, then renames it into place (replacing a file of that name);
// throws kuvert::Error (system) naming the file when it cannot, and what
// `write` throws.
void place_file_atomically(const std::filesystem::path& target,
                           const std::function<void(const std::filesystem::path& temporary)>& write);
// Copies `source` to `target` in the same way.
void copy_file_atomically(const std::filesystem::path& source, const std::filesystem::path& target);

}  // namespace kuvert::service
