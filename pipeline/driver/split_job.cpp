#include "pipeline/driver/split_job.hpp"

#include <nlohmann/json.hpp>
#include <variant>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/deliver/csv_text.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"

namespace kuvert {

namespace fs = std::filesystem;

namespace {

nlohmann::json recipient_json(const Recipient& recipient) {
  return {{"name", recipient.name},
          {"street", recipient.street},
          {"postcode", recipient.postcode},
          {"city", recipient.city},
          {"country", recipient.country}};
}

// What was found per document, for a person checking the split: its pages,
// the rule that started it, its address as read and every field.
std::string split_csv(const SplitProfile& profile, const std::vector<split::SplitDocument>& documents) {
  std::vector<std::string> header = {"document", "first_page", "last_page", "pages", "rule", "address"};
  for (const auto& field : profile.fields) header.push_back(field.name);
  std::string text = csv_row(header);
  std::size_t number = 0;
  for (const auto& document : documents) {
    std::string address;
    for (const auto& line : document.recipient_lines) address += (address.empty() ? "" : " | ") + line;
    std::vector<std::string> row = {std::to_string(++number),
                                    std::to_string(document.first_page),
                                    std::to_string(document.first_page + document.pages - 1),
                                    std::to_string(document.pages),
                                    document.rule,
                                    address};
    for (const auto& field : profile.fields) {
      const auto value = document.fields.find(field.name);
      row.push_back(value == document.fields.end() ? "" : value->second);
    }
    text += csv_row(row);
  }
  return text;
}

// The print file in the job folder under its own name: a hard link where
// the file system allows (no copy of a large file), else a copy.
void place_print_file(const fs::path& file, const fs::path& folder) {
  std::error_code error;
  fs::create_hard_link(file, folder / file.filename(), error);
  if (error) fs::copy_file(file, folder / file.filename());
}

}  // namespace

SplitSummary split_print_file(const SplitRequest& request) {
  OutputFolder::refuse_existing(request.output);
  const SplitProfile profile = load_split_profile(request.layouts, request.profile);
  const split::AddressConventions conventions{load_country_names(request.layouts),
                                              load_postcode_forms(request.layouts)};
  const std::string name = request.print_file.filename().string();
  split::DocumentSplitter splitter(profile, name);
  const split::PrintFileText text(request.print_file, name);
  for (std::uint32_t page = 1; page <= text.pages(); ++page) splitter.add(text.page(page));
  auto outcome = std::move(splitter).finish();

  auto documents = nlohmann::json::array();
  for (const auto& document : outcome.documents) {
    const auto recipient = split::recipient_of(document.recipient_lines, conventions);
    if (const auto* problem = std::get_if<std::string>(&recipient)) {
      outcome.problems.push_back(
          {Where{.file = name, .record = "page " + std::to_string(document.first_page), .field = "recipient"},
           *problem});
      continue;
    }
    const auto id = document.fields.find(profile.id_field);
    documents.push_back({{"id", id == document.fields.end() ? "" : id->second},
                         {"pages", std::to_string(document.first_page) + "-" +
                                       std::to_string(document.first_page + document.pages - 1)},
                         {"recipient", recipient_json(std::get<Recipient>(recipient))}});
  }
  if (text.pages() == 0) outcome.problems.push_back({Where{.file = name}, "has no pages"});
  if (!outcome.problems.empty()) throw Error(ErrorKind::input, std::move(outcome.problems));

  nlohmann::json job = profile.job;
  job["job"] = request.print_file.stem().string();
  job["print_file"] = name;
  job["documents"] = std::move(documents);
  OutputFolder folder(request.output);
  place_print_file(request.print_file, folder.path());
  folder.write_file("job.json", job.dump(2) + "\n");
  folder.write_file("split.csv", split_csv(profile, outcome.documents));
  folder.commit();
  return {text.pages(), outcome.documents.size()};
}

}  // namespace kuvert
