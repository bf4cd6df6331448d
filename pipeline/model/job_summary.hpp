#pragma once
// summary.json of `kuvert run`: the job and its runs (DESIGN.md, outputs of
// a job). Its one reading and writing, as for the tickets (run_ticket.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/json_optional.hpp"

namespace kuvert {

struct JobSummaryRun {
  std::string run;
  std::string file;
  std::size_t pieces = 0;
  std::size_t sheets = 0;
  bool manual_handling = false;
};

struct JobSummary {
  std::string job;
  std::string client;
  std::string application;
  std::string created;
  // The day the letters were made for (kuvert run --date): their date and
  // tariff; a reprint is made for the same day.
  std::string production_date;
  std::size_t documents = 0;
  std::size_t pieces = 0;
  std::size_t manual_pieces = 0;
  std::size_t sheets = 0;
  std::size_t pages = 0;
  std::size_t document_pages = 0;
  std::optional<long> postage_cents;  // none while a piece has no postage product
  std::size_t unpriced_pieces = 0;
  std::vector<JobSummaryRun> runs;
  // A data job's records that were refused, and the file that lists them
  // (only when there are some); neither for a print-file job.
  std::optional<std::size_t> rejected_records;
  std::optional<std::string> exceptions;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JobSummaryRun, run, file, pieces, sheets, manual_handling)

inline void to_json(nlohmann::json& json, const JobSummary& s) {
  json = {{"job", s.job},
          {"client", s.client},
          {"application", s.application},
          {"created", s.created},
          {"production_date", s.production_date},
          {"documents", s.documents},
          {"pieces", s.pieces},
          {"manual_pieces", s.manual_pieces},
          {"sheets", s.sheets},
          {"pages", s.pages},
          {"document_pages", s.document_pages},
          {"postage_cents", s.postage_cents},
          {"unpriced_pieces", s.unpriced_pieces},
          {"runs", s.runs}};
  if (s.rejected_records) json["rejected_records"] = *s.rejected_records;
  if (s.exceptions) json["exceptions"] = *s.exceptions;
}

// Throws nlohmann::json::exception on a missing key or another type.
inline void from_json(const nlohmann::json& json, JobSummary& s) {
  json.at("job").get_to(s.job);
  json.at("client").get_to(s.client);
  json.at("application").get_to(s.application);
  json.at("created").get_to(s.created);
  // Summaries written before 0.4.1 lack it: they were made on the day they were created.
  s.production_date = json.contains("production_date") ? json["production_date"].get<std::string>()
                                                       : s.created.substr(0, 10);
  json.at("documents").get_to(s.documents);
  json.at("pieces").get_to(s.pieces);
  json.at("manual_pieces").get_to(s.manual_pieces);
  json.at("sheets").get_to(s.sheets);
  json.at("pages").get_to(s.pages);
  json.at("document_pages").get_to(s.document_pages);
  json.at("postage_cents").get_to(s.postage_cents);
  json.at("unpriced_pieces").get_to(s.unpriced_pieces);
  json.at("runs").get_to(s.runs);
  s.rejected_records = json.contains("rejected_records") ? json["rejected_records"].get<std::size_t>()
                                                         : std::optional<std::size_t>();
  s.exceptions = json.contains("exceptions") ? json["exceptions"].get<std::string>() : std::optional<std::string>();
}

}  // namespace kuvert
