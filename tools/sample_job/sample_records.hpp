#pragma once
// Generates data jobs of fictitious records for samples, tests and
// benchmarks: job.json naming a layout and records.jsonl. Names, addresses
// and accounts are invented, never real people's.
#include <cstdint>
#include <filesystem>
#include <string>

namespace kuvert {

struct SampleRecordsOptions {
  std::string layout = "grundsteuer";  // or "bezuege"
  std::size_t records = 200;
  std::uint32_t seed = 1;
  std::string job;                  // default: the layout's sample job name
  std::size_t items = 0;            // table rows per record; 0: varied as the layout's letters vary
  double long_address_share = 0.1;  // communities of heirs, companies with departments, nobility
  double foreign_share = 0.05;
  double long_share = 0;          // letters with a long table, 30 to 90 rows over several pages
  bool skip_bad_records = false;  // "on_bad_record": "skip"
};

// Writes `folder`/job.json and `folder`/records.jsonl.
void write_sample_records(const std::filesystem::path& folder, const SampleRecordsOptions& options);

// The records of a JSON Lines file as XML, for a peer tool's XSL-FO
// template (the composition benchmark): <records><record>...</record>...,
// an object's members as elements of their names, an array's elements as
// <item> (strings in a list: <line>).
void write_records_xml(const std::filesystem::path& records, const std::filesystem::path& xml);

}  // namespace kuvert
