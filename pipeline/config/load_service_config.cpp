#include <set>

#include "pipeline/config/centre_time.hpp"
#include "pipeline/config/service_config.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {

namespace fs = std::filesystem;

namespace {

fs::path resolved(const fs::path& base, const std::string& path) { return (base / path).lexically_normal(); }

void read_store(TomlFields& top, ServiceConfig& config, const fs::path& base) {
  with_table(top, "store", true, [&](TomlFields& store) {
    config.store = resolved(base, store.text("folder").value_or(""));
    if (store.has("wal")) config.wal = store.flag("wal").value_or(true);
    if (store.has("url")) {
      config.store_url = store.text("url").value_or("");
      if (!config.store_url.starts_with("postgresql://") && !config.store_url.starts_with("postgres://"))
        store.problem("url", "expected a PostgreSQL connection URL, such as \"postgresql://kuvert@db.example/kuvert\"");
    }
    if (store.has("lease_seconds"))
      config.lease_seconds = static_cast<int>(store.integer("lease_seconds", 3, 3600).value_or(30));
    if (store.has("scan_part_pages"))
      config.scan_part_pages = static_cast<std::size_t>(store.integer("scan_part_pages", 0, 2000).value_or(50));
  });
}

void read_console(TomlFields& top, ServiceConfig& config) {
  with_table(top, "console", false, [&](TomlFields& console) {
    if (console.has("listen")) {
      const std::string listen = console.text("listen").value_or("127.0.0.1:8470");
      const auto colon = listen.rfind(':');
      int port = -1;
      try {
        if (colon != std::string::npos) port = std::stoi(listen.substr(colon + 1));
      } catch (const std::exception&) {
      }
      if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535)
        console.problem("listen", "expected HOST:PORT, such as \"127.0.0.1:8470\"");
      else {
        config.listen_host = listen.substr(0, colon);
        config.listen_port = port;
      }
    }
    if (console.has("session_minutes"))
      config.session_seconds = 60 * console.integer("session_minutes", 1, 24 * 60).value_or(30);
    if (console.has("lockout_attempts"))
      config.lockout_attempts = static_cast<int>(console.integer("lockout_attempts", 1, 100).value_or(5));
    if (console.has("lockout_minutes"))
      config.lockout_seconds = 60 * console.integer("lockout_minutes", 1, 24 * 60).value_or(15);
    if (console.has("connections_per_client"))
      config.connections_per_client =
          static_cast<std::size_t>(console.integer("connections_per_client", 1, 1024).value_or(16));
    if (console.has("request_seconds"))
      config.request_seconds = static_cast<int>(console.integer("request_seconds", 1, 600).value_or(10));
    if (console.has("time_zone")) {
      config.time_zone = console.text("time_zone").value_or(config.time_zone);
      if (auto problem = CentreTime::problem(config.time_zone); !problem.empty())
        console.problem("time_zone", std::move(problem));
    }
  });
}

void read_production(TomlFields& top, ServiceConfig& config, const fs::path& base) {
  with_table(top, "production", false, [&](TomlFields& production) {
    if (production.has("layouts")) config.layouts = resolved(base, production.text("layouts").value_or(""));
    if (production.has("fonts")) config.fonts = resolved(base, production.text("fonts").value_or(""));
    if (production.has("max_sheets"))
      config.max_sheets = static_cast<std::size_t>(production.integer("max_sheets", 1, 1000000).value_or(2000));
    if (production.has("threads"))
      config.threads = static_cast<unsigned>(production.integer("threads", 0, 256).value_or(0));
  });
}

void read_retention(TomlFields& top, ServiceConfig& config) {
  with_table(top, "retention", false, [&](TomlFields& retention) {
    if (retention.has("inputs_days"))
      config.keep_inputs_days = static_cast<int>(retention.integer("inputs_days", 1, 3650).value_or(90));
    if (retention.has("outputs_days"))
      config.keep_outputs_days = static_cast<int>(retention.integer("outputs_days", 1, 3650).value_or(30));
  });
}

void read_limits(TomlFields& top, ServiceConfig& config) {
  with_table(top, "limits", false, [&](TomlFields& limits) {
    auto& job = config.job_limits;
    if (limits.has("job_memory_mb"))
      job.memory_mb = static_cast<std::uint64_t>(limits.integer("job_memory_mb", 256, 1 << 20).value_or(4096));
    if (limits.has("job_cpu_seconds"))
      job.cpu_seconds = static_cast<std::uint64_t>(limits.integer("job_cpu_seconds", 10, 7 * 24 * 3600).value_or(3600));
    if (limits.has("job_wall_seconds"))
      job.wall_seconds =
          static_cast<std::uint64_t>(limits.integer("job_wall_seconds", 10, 7 * 24 * 3600).value_or(7200));
  });
}

void read_polling(TomlFields& fields, Inbox& inbox) {
  if (fields.has("poll_seconds")) inbox.poll_seconds = fields.number("poll_seconds", 0.1, 3600).value_or(5);
  if (fields.has("stable_checks"))
    inbox.stable_checks = static_cast<int>(fields.integer("stable_checks", 1, 100).value_or(2));
}

// Names become folder and file names and show in the console.
void check_name(TomlFields& fields, const std::string& name) {
  if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
    fields.problem("name", "expected lower-case letters, digits, '-' and '_'");
}

// The printers, and the inboxes their results folders are (watched after
// the [[inbox]] ones).
void read_printers(TomlFields& top, ServiceConfig& config, const fs::path& base, std::vector<Inbox>& results_inboxes) {
  std::set<std::string> names;
  each_table(top, "printer", false, [&](TomlFields& fields) {
    Printer printer;
    printer.name = fields.text("name").value_or("");
    check_name(fields, printer.name);
    if (!printer.name.empty() && !names.insert(printer.name).second)
      fields.problem("name", "another printer has this name");
    printer.folder = resolved(base, fields.text("folder").value_or(""));
    for (const auto& other : config.printers)
      if (!other.results.empty() && other.results == printer.folder)
        fields.problem("folder", "is the results folder of printer \"" + other.name + "\"");
    if (fields.has("results")) {
      printer.results = resolved(base, fields.text("results").value_or(""));
      if (printer.results == printer.folder)
        fields.problem("results", "must be another folder than the one runs are delivered to");
      for (const auto& other : config.printers)
        if (other.results == printer.results || other.folder == printer.results)
          fields.problem("results", "is a folder of printer \"" + other.name + "\" already");
      Inbox results{.name = printer.name + ".results", .folder = printer.results, .kind = InboxKind::results};
      results.printer = printer.name;
      read_polling(fields, results);
      results_inboxes.push_back(std::move(results));
    }
    if (fields.has("unreported"))
      printer.unreported = fields.choice<InsertStatus>(
          "unreported",
          {{"ok", InsertStatus::ok}, {"damaged", InsertStatus::damaged}, {"missing", InsertStatus::missing}});
    if (fields.has("auto_reconcile")) printer.auto_reconcile = fields.flag("auto_reconcile").value_or(false);
    if (fields.has("max_reprint_percent"))
      printer.max_reprint_percent = fields.number("max_reprint_percent", 0, 100).value_or(2);
    if (fields.has("banner")) printer.banner = fields.flag("banner").value_or(false);
    if (fields.has("separators")) printer.separators = fields.flag("separators").value_or(false);
    if (fields.has("ticket")) printer.ticket = fields.flag("ticket").value_or(false);
    config.printers.push_back(std::move(printer));
  });
}

void read_inboxes(TomlFields& top, ServiceConfig& config, const fs::path& base) {
  std::set<std::string> names;
  std::set<fs::path> folders;
  for (const auto& printer : config.printers) folders.insert(printer.results);
  each_table(top, "inbox", false, [&](TomlFields& fields) {
    Inbox inbox;
    inbox.name = fields.text("name").value_or("");
    check_name(fields, inbox.name);
    if (!inbox.name.empty() && !names.insert(inbox.name).second) fields.problem("name", "another inbox has this name");
    inbox.folder = resolved(base, fields.text("folder").value_or(""));
    if (!inbox.folder.empty() && !folders.insert(inbox.folder).second)
      fields.problem("folder", "is watched already, by another inbox or as a printer's results");
    inbox.kind =
        fields
            .choice<InboxKind>(
                "kind", {{"job", InboxKind::job}, {"scan", InboxKind::scan}, {"printfile", InboxKind::printfile}})
            .value_or(InboxKind::job);
    inbox.client = fields.text("client").value_or("");
    if (inbox.kind == InboxKind::scan) {
      inbox.profile = fields.has("profile") ? fields.text("profile").value_or("") : "posteingang";
      if (fields.has("handover")) {
        inbox.handover = resolved(base, fields.text("handover").value_or(""));
        // What is handed over must not be taken in again, nor printed.
        if (folders.count(inbox.handover) || inbox.handover == inbox.folder)
          fields.problem("handover", "is a watched folder; the hand-over folder must be one of its own");
        for (const auto& printer : config.printers)
          if (printer.folder == inbox.handover)
            fields.problem("handover", "is the folder of printer \"" + printer.name + "\"");
      }
    }
    if (inbox.kind == InboxKind::printfile) {
      inbox.split = fields.text("split").value_or("");
      if (!inbox.split.empty()) try {
          const auto profile = load_split_profile(config.layouts, inbox.split);
          // Its files' jobs are the profile's client's: another inbox client would refuse every one.
          if (const auto client = profile.job.value("client", std::string()); client != inbox.client)
            fields.problem("split", "\"" + inbox.split + "\" makes jobs of client \"" + client +
                                        "\", but this inbox takes jobs of \"" + inbox.client + "\" only");
        } catch (const Error& error) {
          fields.problem("split", "\"" + inbox.split + "\" is no split profile that loads: " + error.what());
        }
    }
    if (inbox.kind == InboxKind::job || inbox.kind == InboxKind::printfile) {
      if (fields.has("printer")) {
        inbox.printer = fields.text("printer").value_or("");
        bool known = false;
        for (const auto& printer : config.printers) known = known || printer.name == inbox.printer;
        if (!known) fields.problem("printer", "names no [[printer]] of this file");
      } else if (!config.printers.empty()) {
        inbox.printer = config.printers.front().name;
      } else {
        fields.problem("printer", "a job inbox needs a [[printer]] for its runs");
      }
      if (fields.has("return")) inbox.return_folder = resolved(base, fields.text("return").value_or(""));
    }
    read_polling(fields, inbox);
    config.inboxes.push_back(std::move(inbox));
  });
}

}  // namespace

const Printer* printer_named(const std::vector<Printer>& printers, const std::string& name) {
  for (const auto& printer : printers)
    if (printer.name == name) return &printer;
  return nullptr;
}

std::string_view name(InboxKind kind) {
  switch (kind) {
    case InboxKind::job:
      return "job";
    case InboxKind::scan:
      return "scan";
    case InboxKind::results:
      return "results";
    case InboxKind::printfile:
      return "printfile";
  }
  return "job";
}

ServiceConfig load_service_config(const fs::path& file, const fs::path& layouts, const fs::path& fonts) {
  ServiceConfig initial;
  initial.file = fs::absolute(file).lexically_normal();
  initial.layouts = layouts;
  initial.fonts = fonts;
  const fs::path base = initial.file.parent_path();
  std::error_code error;
  if (!fs::is_regular_file(initial.file, error))
    throw_input(in_file(file.string()), "is missing: name the service configuration with --config");
  return read_toml_file(base, initial.file.filename().string(), initial,
                        [&base](TomlFields& top, ServiceConfig& config) {
                          read_store(top, config, base);
                          read_console(top, config);
                          read_production(top, config, base);
                          read_retention(top, config);
                          read_limits(top, config);
                          std::vector<Inbox> results_inboxes;
                          read_printers(top, config, base, results_inboxes);
                          read_inboxes(top, config, base);
                          for (auto& inbox : results_inboxes) config.inboxes.push_back(std::move(inbox));
                        });
}

}  // namespace kuvert
