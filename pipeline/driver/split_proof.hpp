#pragma once
// `kuvert split --proof FILE.pdf` (issue 16): the split shown for a person
// to check a new split profile by eye before it goes into production. On
// every document's first page, on a layer viewers show and printing
// leaves out, the regions the profile reads: the recipient zone with the
// address as read, each start rule's region (and which rule started the
// document), the page counter's, each field's with its value or "not
// found". Before them, the split's problems with their pages.
#include <filesystem>
#include <string>

#include "pipeline/model/split_profile.hpp"
#include "stages/split/document_split.hpp"

namespace kuvert {

// Writes `target` (which must not exist) whole or not at all; `print_file`
// is the file that was split, `name` its name for messages, `fonts` the
// folder of fonts.toml, `created` an ISO timestamp for the file's info.
void write_split_proof(const std::filesystem::path& target, const std::filesystem::path& fonts,
                       const SplitProfile& profile, const split::SplitOutcome& outcome,
                       const std::filesystem::path& print_file, const std::string& name, const std::string& created);

}  // namespace kuvert
