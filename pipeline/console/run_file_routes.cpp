// GET /api/runs/{id}/files: the run's files (print file, ticket, manifest,
// control files); GET /api/runs/{id}/files/{name}[?download=1]: one of
// them, opened or downloaded. A sensitive run's files (its ticket too,
// which names the documents handled by hand) are for operators and above,
// each fetch in the audit trail.
#include <algorithm>
#include <fstream>
#include <memory>

#include "pipeline/console/run_access.hpp"

namespace kuvert::console {

namespace {

namespace fs = std::filesystem;

struct RunFile {
  std::string name;
  std::string kind;  // "print file", "ticket", "manifest", "control file"
  std::uintmax_t bytes = 0;
};

// The files of the run beside its print file that carry its name
// (R0001.pdf, R0001.json, R0001.csv, R0001.pieces.csv, ...), by name.
std::vector<RunFile> run_files(const store::RunRecord& run) {
  const fs::path print_file(run.file);
  const std::string stem = print_file.stem().string();
  std::vector<RunFile> files;
  std::error_code error;
  if (!print_file.has_parent_path() || !fs::is_directory(print_file.parent_path(), error)) return files;
  for (const auto& entry : fs::directory_iterator(print_file.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    // Plain files only: a link named like the run's files leads elsewhere.
    if (!fs::is_regular_file(entry.symlink_status(error)) || !name.starts_with(stem + ".")) continue;
    const std::string rest = name.substr(stem.size());
    const std::string kind = rest == ".pdf"    ? "print file"
                             : rest == ".json" ? "ticket"
                             : rest == ".csv"  ? "manifest"
                                               : "control file";
    const auto bytes = entry.file_size(error);
    if (!error) files.push_back({name, kind, bytes});
  }
  std::sort(files.begin(), files.end(), [](const RunFile& a, const RunFile& b) { return a.name < b.name; });
  return files;
}

std::string content_type(const fs::path& file) {
  const auto extension = file.extension().string();
  if (extension == ".pdf") return "application/pdf";
  if (extension == ".json") return "application/json";
  if (extension == ".csv") return "text/csv; charset=utf-8";
  return "text/plain; charset=utf-8";
}

}  // namespace

void add_run_file_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get(R"(/api/runs/(\d+)/files)", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    const auto run = named_run(context, request, response);
    if (!run) return;
    const bool content = content_visible(*run, *session);
    auto files = nlohmann::json::array();
    for (const auto& file : run_files(*run))
      files.push_back({{"name", file.name}, {"kind", file.kind}, {"bytes", file.bytes}, {"visible", content}});
    send_json(response, 200, files);
  });
  server.Get(
      R"(/api/runs/(\d+)/files/([^/]+))", [&context](const httplib::Request& request, httplib::Response& response) {
        const auto session = session_of(context, request, response, false);
        if (!session) return;
        const auto run = named_run(context, request, response);
        if (!run) return;
        // Only a name the run's own listing has: nothing else of the folder.
        const std::string name = request.matches[2];
        const auto files = run_files(*run);
        const auto file =
            std::find_if(files.begin(), files.end(), [&](const RunFile& candidate) { return candidate.name == name; });
        if (file == files.end()) return send_error(response, 404, "the run has no file " + name);
        const bool download = request.get_param_value("download") == "1";
        if (!may_see_content(context, *session, *run, (download ? "download " : "open ") + name, response)) return;
        const fs::path path = fs::path(run->file).parent_path() / name;
        auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
        if (!*in) return send_error(response, 404, "the run's file " + name + " is gone");
        response.set_header("Content-Disposition",
                            std::string(download ? "attachment" : "inline") + "; filename=\"" + name + "\"");
        // Personal data is not kept in a browser's cache.
        response.set_header("Cache-Control", "no-store");
        response.set_content_provider(file->bytes, content_type(path),
                                      [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                        std::vector<char> buffer(std::min<std::size_t>(length, 1 << 16));
                                        in->seekg(static_cast<std::streamoff>(offset));
                                        in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                                        const auto got = in->gcount();
                                        if (got <= 0) return false;
                                        sink.write(buffer.data(), static_cast<std::size_t>(got));
                                        return true;
                                      });
      });
}

}  // namespace kuvert::console
