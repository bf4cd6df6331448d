#include "pipeline/cli/store_commands.hpp"

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

#include "pipeline/config/centre_time.hpp"
#include "pipeline/config/service_config.hpp"
#include "pipeline/driver/posting_list.hpp"
#include "pipeline/model/counted.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/run_number.hpp"
#include "pipeline/model/terminal_text.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/service/results_intake.hpp"
#include "pipeline/service/service.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/client_accounts.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/piece_verdicts.hpp"
#include "pipeline/store/store_move.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "stages/deliver/client_report.hpp"

namespace kuvert {

namespace {

using namespace kuvert::store;

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The audit names command-line administration after the system account.
std::string system_user() {
  const passwd* account = ::getpwuid(::getuid());
  return "cli:" + std::string(account ? account->pw_name : std::to_string(::getuid()));
}

// One line from standard input; echo is off when it is a terminal.
std::string read_password(const std::string& prompt) {
  termios saved{};
  const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    std::fprintf(stderr, "%s: ", prompt.c_str());
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

ServiceConfig config_of(const StoreCommands& commands) {
  return load_service_config(commands.config, commands.layouts, commands.fonts);
}

Store open_store(const ServiceConfig& config) { return Store({config.store, config.wal, config.store_url}); }
Store open_store(const StoreCommands& commands) { return open_store(config_of(commands)); }

Role role_named(const std::string& text) {
  const auto role = parse_role(text);
  if (!role) {
    Where where;
    where.field = "--role";
    throw_input(where, "expected viewer, operator, supervisor or admin");
  }
  return *role;
}

// A person acting on runs proves who they are with their password.
Actor authenticated(Store& store, const StoreCommands& commands) {
  Where where;
  where.record = "user " + commands.user;
  const auto login = log_in(store, commands.user, read_password("password for " + commands.user), now());
  if (login.outcome == LoginOutcome::locked) throw_input(where, "the account is locked after failed logins");
  if (login.outcome != LoginOutcome::accepted) throw_input(where, "wrong user name or password");
  return {login.user->name, login.user->role};
}

// Names and audit details come from input (job names, user names).
std::string shown(const std::string& text) { return terminal_safe(text); }

// "J12-R0001": how the run is named everywhere (model/run_number.hpp).
std::string number_of(const RunRecord& run) { return shown(run_number(run.job, run.name)); }

void print_run(Store& store, const RunRecord& run) {
  std::printf("run %s: %s (client %s, id %lld)\n", number_of(run).c_str(), shown(run.job_name).c_str(),
              shown(run.client).c_str(), static_cast<long long>(run.id));
  std::printf("  state       %s%s\n", std::string(name(run.state)).c_str(),
              run.sensitive && run.state == RunState::released ? " (sensitive: awaits confirmation)" : "");
  if (!run.attention.empty()) std::printf("  attention   %s\n", shown(run.attention).c_str());
  if (!run.due.empty()) std::printf("  due         %s\n", run.due.c_str());
  if (!run.posted_on.empty()) std::printf("  posted on   %s\n", run.posted_on.c_str());
  if (const auto parent = run.parent != 0 ? find_run(store, run.parent) : std::nullopt)
    std::printf("  reprint of  run %s\n", number_of(*parent).c_str());
  if (!run.reprint_problem.empty()) std::printf("  no reprint  %s\n", shown(run.reprint_problem).c_str());
  std::printf("  file        %s\n", shown(run.file).c_str());
  std::printf("  printer     %s\n", shown(run.printer).c_str());
  std::printf("  pieces      %lld\n  sheets      %lld\n  pages       %lld\n", static_cast<long long>(run.pieces),
              static_cast<long long>(run.sheets), static_cast<long long>(run.pages));
  std::printf("  sensitive   %s\n", run.sensitive ? "yes" : "no");
  if (!run.released_by.empty()) std::printf("  released by %s\n", shown(run.released_by).c_str());
  if (!run.confirmed_by.empty()) std::printf("  confirmed by %s\n", shown(run.confirmed_by).c_str());
  std::printf("  updated     %s\n", run.updated_at.c_str());
}

// What became of a run's pieces at the inserter: "ok 1997, damaged 2, not set 1".
std::string insert_statuses(Store& store, std::int64_t run) {
  std::string text;
  for (const auto& [status, count] : pieces_by_status(store, run))
    text += (text.empty() ? "" : ", ") + status + " " + std::to_string(count);
  return text;
}

// --set PIECE=VERDICT, --rest VERDICT and --reason as what the store takes.
PieceVerdicts verdicts_of(const StoreCommands& commands) {
  const auto verdict = [](const std::string& text, const char* option) {
    const auto parsed = parse_piece_verdict(text);
    if (!parsed) throw_input(Where{.field = option}, "\"" + text + "\" is not one of ok, reprint, pull, hand-mail");
    return *parsed;
  };
  PieceVerdicts verdicts;
  for (const auto& setting : commands.verdicts) {
    const auto equals = setting.rfind('=');
    if (equals == std::string::npos || equals == 0)
      throw_input(Where{.field = "--set"}, "expected PIECE=VERDICT, such as 3F2A9C1D-R0001-000042=reprint");
    verdicts.pieces.emplace_back(setting.substr(0, equals), verdict(setting.substr(equals + 1), "--set"));
  }
  if (!commands.rest.empty()) verdicts.rest = verdict(commands.rest, "--rest");
  verdicts.reason = commands.reason;
  return verdicts;
}

// The run a command names: "J12-R0001", or the store's id of it.
RunRecord run_named(Store& store, const std::string& text) {
  Where where;
  where.record = "run " + text;
  std::optional<RunRecord> run;
  if (const auto number = parse_run_number(text)) {
    run = find_run(store, *number);
  } else {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0)
      throw_input(where, "expected a run such as J12-R0001 (run R0001 of job 12), or a run's id");
    run = find_run(store, id);
    if (!run) throw_input(where, "no run has the id " + text);
  }
  if (!run) throw_input(where, "no such run");
  return *run;
}

}  // namespace

void add_store_commands(CLI::App& app, StoreCommands& commands) {
  auto config = [&commands](CLI::App* command) {
    command->add_option("-c,--config", commands.config, "Service configuration (default kuvert.toml)");
  };
  auto* users = app.add_subcommand("users", "Console users: add, set a password, list, change a role, remove, unlock");
  users->require_subcommand(1);
  commands.users_add = users->add_subcommand("add", "Add a user; the password is read from standard input");
  commands.users_add->add_option("name", commands.user, "User name")->required();
  commands.users_add->add_option("--role", commands.role, "viewer, operator, supervisor or admin (default operator)");
  commands.users_passwd = users->add_subcommand("passwd", "Set a user's password, read from standard input");
  commands.users_passwd->add_option("name", commands.user, "User name")->required();
  commands.users_list = users->add_subcommand("list", "List users and roles");
  commands.users_role = users->add_subcommand("role", "Give a user another role");
  commands.users_role->add_option("name", commands.user, "User name")->required();
  commands.users_role->add_option("role", commands.role, "viewer, operator, supervisor or admin")->required();
  commands.users_language = users->add_subcommand("language", "Set the language of a user's console");
  commands.users_language->add_option("name", commands.user, "User name")->required();
  commands.users_language->add_option("language", commands.language, "de (the default) or en")->required();
  commands.users_remove = users->add_subcommand("remove", "Remove a user (the audit trail keeps the name)");
  commands.users_remove->add_option("name", commands.user, "User name")->required();
  commands.users_unlock = users->add_subcommand("unlock", "Lift a user's lockout after failed logins");
  commands.users_unlock->add_option("name", commands.user, "User name")->required();
  for (auto* command : {commands.users_add, commands.users_passwd, commands.users_list, commands.users_role,
                        commands.users_language, commands.users_remove, commands.users_unlock})
    config(command);

  auto* runs = app.add_subcommand("runs", "Print runs: list, show, and the release workflow");
  runs->require_subcommand(1);
  commands.runs_list = runs->add_subcommand("list", "List runs, newest first");
  commands.runs_list->add_option("--state", commands.state, "Only runs in this state");
  commands.runs_show = runs->add_subcommand("show", "Show one run");
  commands.runs_show->add_option("run", commands.run, "The run: J12-R0001 (run R0001 of job 12), or its id")
      ->required();
  config(commands.runs_list);
  config(commands.runs_show);
  for (const char* action :
       {"release", "confirm", "hold", "cancel", "printed", "inserted", "posted", "close", "redeliver"}) {
    auto* command = runs->add_subcommand(
        action, std::string("Give a run \"") + action + "\" as USER (password from standard input)");
    command->add_option("run", commands.run, "The run: J12-R0001 (run R0001 of job 12), or its id")->required();
    command->add_option("--user", commands.user, "Who acts")->required();
    if (std::string(action) == "posted")
      command->add_option("--date", commands.date, "The day it went to the postal service (default today)");
    if (std::string(action) == "redeliver")
      command->add_option("--reason", commands.reason, "Why the printer needs it again")->required();
    config(command);
    commands.runs_actions.push_back(command);
  }
  commands.runs_results =
      runs->add_subcommand("results", "Apply an inserter's results file (or reprint list) to a run");
  commands.runs_results->add_option("run", commands.run, "The run: J12-R0001 (run R0001 of job 12), or its id")
      ->required();
  commands.runs_results->add_option("file", commands.results, "The results file")->required();
  config(commands.runs_results);
  const auto verdict_options = [&](CLI::App* command) {
    command->add_option("run", commands.run, "The run: J12-R0001 (run R0001 of job 12), or its id")->required();
    command->add_option("--user", commands.user, "Who acts (password from standard input)")->required();
    command->add_option("--set", commands.verdicts, "PIECE=ok|reprint|pull|hand-mail, as often as needed");
    command->add_option("--reason", commands.reason, "Why pieces are pulled");
    config(command);
  };
  commands.runs_reconcile = runs->add_subcommand(
      "reconcile", "Decide pieces without a status (or others) and reconcile the run once every piece has one");
  verdict_options(commands.runs_reconcile);
  commands.runs_reconcile->add_option("--rest", commands.rest, "ok|reprint|pull|hand-mail for every piece still unset");
  commands.runs_clear = runs->add_subcommand(
      "clear", "Clear a run in attention with a finding (supervisor), deciding its pieces seen twice");
  verdict_options(commands.runs_clear);
  commands.runs_clear->add_option("--finding", commands.finding, "What was checked and what was found")->required();

  auto* posting = app.add_subcommand("posting", "What went to the postal service: the posting list of a day");
  posting->require_subcommand(1);
  commands.posting_list =
      posting->add_subcommand("list", "Write each client's posting list (Einlieferungsliste) of a day as CSV and PDF");
  commands.posting_list->add_option("--date", commands.date, "The posting day YYYY-MM-DD (default today)");
  commands.posting_list->add_option("--client", commands.client, "Only this client");
  commands.posting_list->add_option("-o,--output", commands.output, "Folder for the files (default: the current one)");
  config(commands.posting_list);

  auto* report = app.add_subcommand("report", "Accounts: what the centre did for its clients");
  report->require_subcommand(1);
  commands.report_clients = report->add_subcommand(
      "clients", "Each client's month: documents, pieces, sheets, pages printed and scanned, inserts, postage");
  commands.report_clients->add_option("--month", commands.month, "The month YYYY-MM, in the centre's time zone")
      ->required();
  commands.report_clients->add_option("-o,--output", commands.report_file, "Also write the accounts to this CSV file");
  config(commands.report_clients);

  auto* audit = app.add_subcommand("audit", "The audit trail: verify the chain, list records");
  audit->require_subcommand(1);
  commands.audit_verify = audit->add_subcommand("verify", "Check that no audit record was changed or deleted");
  commands.audit_list = audit->add_subcommand("list", "List audit records, newest first");
  commands.audit_list->add_option("--user", commands.audit_user, "Only this user's records");
  commands.audit_list->add_option("--action", commands.audit_action, "Only this action");
  commands.audit_list->add_option("--object", commands.audit_object,
                                  "Only objects starting so (\"run J12-R0001\", \"run J12-\")");
  commands.audit_list->add_option("--from", commands.audit_from, "From this ISO time on");
  commands.audit_list->add_option("--to", commands.audit_to, "Before this ISO time");
  config(commands.audit_verify);
  config(commands.audit_list);

  auto* store = app.add_subcommand("store", "The job store itself: move it from SQLite into PostgreSQL");
  store->require_subcommand(1);
  commands.store_migrate = store->add_subcommand(
      "migrate",
      "Move a SQLite store's records (inputs, jobs, runs, pieces, users, the audit trail) into an empty PostgreSQL "
      "database; the folder stays the store's file area");
  commands.store_migrate->add_option("--from", commands.move_from, "The SQLite store's folder ([store] folder)")
      ->required();
  commands.store_migrate
      ->add_option("--to", commands.move_to, "The PostgreSQL database: postgresql://USER@HOST/DATABASE")
      ->required();
}

int run_store_commands(StoreCommands& commands) {
  if (commands.store_migrate->parsed()) {
    require_sqlite_store(commands.move_from);
    // No service may work on the store while it moves.
    const service::ServiceLock lock(commands.move_from);
    for (const auto& [table, rows] : move_store(commands.move_from, commands.move_to))
      std::printf("%-10s %lld moved\n", table.c_str(), static_cast<long long>(rows));
    std::printf(
        "store moved; in kuvert.toml keep [store] folder = \"%s\" and add [store] url with the PostgreSQL URL "
        "(the SQLite file is kept as %s)\n",
        terminal_safe(commands.move_from.string()).c_str(), kMovedDatabase);
    return 0;
  }
  if (commands.users_add->parsed()) {
    const Role role = role_named(commands.role);
    Store store = open_store(commands);
    add_user(store, commands.user, role, read_password("password for " + commands.user), now(), system_user());
    std::printf("user %s added as %s\n", shown(commands.user).c_str(), std::string(name(role)).c_str());
    return 0;
  }
  if (commands.users_passwd->parsed()) {
    Store store = open_store(commands);
    set_password(store, commands.user, read_password("new password for " + commands.user), now(), system_user());
    std::printf("password of %s set\n", shown(commands.user).c_str());
    return 0;
  }
  if (commands.users_role->parsed()) {
    const Role role = role_named(commands.role);
    Store store = open_store(commands);
    set_role(store, commands.user, role, now(), system_user());
    std::printf("user %s is %s now\n", shown(commands.user).c_str(), std::string(name(role)).c_str());
    return 0;
  }
  if (commands.users_language->parsed()) {
    Store store = open_store(commands);
    set_language(store, commands.user, commands.language, now(), system_user());
    std::printf("the console speaks %s to %s now\n", commands.language == "de" ? "German" : "English",
                shown(commands.user).c_str());
    return 0;
  }
  if (commands.users_remove->parsed()) {
    Store store = open_store(commands);
    remove_user(store, commands.user, now(), system_user());
    std::printf("user %s removed\n", shown(commands.user).c_str());
    return 0;
  }
  if (commands.users_unlock->parsed()) {
    Store store = open_store(commands);
    unlock_user(store, commands.user, now(), system_user());
    std::printf("user %s may log in again\n", shown(commands.user).c_str());
    return 0;
  }
  if (commands.users_list->parsed()) {
    Store store = open_store(commands);
    for (const auto& user : list_users(store))
      std::printf("%-20s %-10s %-2s  %s%s\n", shown(user.name).c_str(), std::string(name(user.role)).c_str(),
                  user.language.c_str(), user.created_at.c_str(), user.locked_until > now() ? "  locked" : "");
    return 0;
  }
  if (commands.runs_list->parsed()) {
    std::optional<RunState> state;
    if (!commands.state.empty()) {
      state = parse_run_state(commands.state);
      if (!state) {
        Where where;
        where.field = "--state";
        throw_input(where, "no such run state: " + commands.state);
      }
    }
    Store store = open_store(commands);
    std::printf("%-12s  %-18s %-32s %7s %7s  %-10s  %s\n", "run", "state", "job", "pieces", "sheets", "due", "printer");
    for (const auto& run : list_runs(store, state))
      std::printf("%-12s  %-18s %-32s %7lld %7lld  %-10s  %s%s\n", number_of(run).c_str(),
                  std::string(name(run.state)).c_str(), shown(run.job_name).c_str(), static_cast<long long>(run.pieces),
                  static_cast<long long>(run.sheets), run.due.empty() ? "-" : run.due.c_str(),
                  shown(run.printer).c_str(), run.sensitive ? "  sensitive" : "");
    return 0;
  }
  if (commands.runs_show->parsed()) {
    Store store = open_store(commands);
    const auto run = run_named(store, commands.run);
    print_run(store, run);
    if (const auto statuses = insert_statuses(store, run.id); !statuses.empty())
      std::printf("  inserted    %s\n", statuses.c_str());
    // The pieces an operator or supervisor decides, those seen twice first.
    constexpr std::int64_t kShownPieces = 200;
    auto problems = problem_pieces(store, run.id, kShownPieces + 1);
    const bool more = problems.size() > static_cast<std::size_t>(kShownPieces);
    if (more) problems.pop_back();
    for (const auto& piece : problems)
      std::printf("  piece       %s %s%s%s\n", shown(piece.id).c_str(), std::string(name(*piece.status)).c_str(),
                  piece.station.empty() ? "" : (" at " + shown(piece.station)).c_str(),
                  piece.note.empty() ? "" : (": " + shown(piece.note)).c_str());
    if (more) std::printf("  piece       ... (the first %lld shown)\n", static_cast<long long>(kShownPieces));
    for (const auto& reprint : reprints_of(store, run.id))
      std::printf("  reprint     run %s (%s)\n", number_of(reprint).c_str(), std::string(name(reprint.state)).c_str());
    return 0;
  }
  if (commands.runs_reconcile->parsed() || commands.runs_clear->parsed()) {
    const bool clearing = commands.runs_clear->parsed();
    const auto verdicts = verdicts_of(commands);
    const auto config = config_of(commands);
    Store store = open_store(config);
    auto run = run_named(store, commands.run);
    const Actor actor = authenticated(store, commands);
    const Printer* printer = printer_named(config.printers, run.printer);
    run = settle_run(
        store, run, clearing, verdicts, actor, now(),
        {.max_reprint_percent = (printer ? *printer : Printer{}).max_reprint_percent, .finding = commands.finding});
    std::printf("run %s is %s%s; %s\n", number_of(run).c_str(), state_phrase(run.state).c_str(),
                run.attention.empty() ? "" : (": " + shown(run.attention)).c_str(),
                insert_statuses(store, run.id).c_str());
    return 0;
  }
  if (commands.runs_results->parsed()) {
    const auto config = config_of(commands);
    Store store = open_store(config);
    const auto run = run_named(store, commands.run);
    const auto events = service::apply_results_file(store, config.printers, {.run = run, .user = system_user()},
                                                    commands.results, now())
                            .events;
    std::printf("run %s: %s applied; %s\n", number_of(run).c_str(), counted(events, "result", "results").c_str(),
                insert_statuses(store, run.id).c_str());
    return 0;
  }
  for (auto* command : commands.runs_actions) {
    if (!command->parsed()) continue;
    const auto config = config_of(commands);
    Store store = open_store(config);
    const Actor actor = authenticated(store, commands);
    const auto action = *parse_run_action(command->get_name());
    ActionDetails details;
    if (action == RunAction::mark_posted)
      details.posted_on = commands.date.empty() ? CentreTime(config.time_zone).day_of(now()).date : commands.date;
    details.reason = commands.reason;
    const auto run = act_on_run(store, run_named(store, commands.run).id, action, actor, now(), details);
    if (action == RunAction::redeliver) {
      std::printf("run %s goes to printer %s again once the service copies it\n", number_of(run).c_str(),
                  shown(run.printer).c_str());
      return 0;
    }
    std::printf("run %s is %s\n", number_of(run).c_str(), state_phrase(run.state).c_str());
    return 0;
  }
  if (commands.posting_list->parsed()) {
    const auto config = config_of(commands);
    const std::string date = commands.date.empty() ? CentreTime(config.time_zone).day_of(now()).date : commands.date;
    if (!is_iso_date(date)) throw_input(Where{.field = "--date"}, "expected a day YYYY-MM-DD, got \"" + date + "\"");
    Store store = open_store(config);
    const auto lines = posting_lines(store, date, commands.client);
    if (lines.empty()) {
      std::printf("nothing was posted on %s%s\n", date.c_str(),
                  commands.client.empty() ? "" : (" for " + shown(commands.client)).c_str());
      return 0;
    }
    std::filesystem::create_directories(commands.output);
    for (auto first = lines.begin(); first != lines.end();) {
      const auto end =
          std::find_if(first, lines.end(), [&](const PostingLine& line) { return line.client != first->client; });
      const std::vector<PostingLine> client_lines(first, end);
      std::string client = first->client;  // from job.json: kept safe for a file name
      for (char& c : client)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
      const auto stem = commands.output / ("posting-list-" + date + "-" + client);
      service::write_file_atomically(stem.string() + ".csv", posting_list_csv(date, client_lines));
      const std::filesystem::path pdf = stem.string() + ".pdf";
      write_posting_list_pdf(service::partial_path(pdf), config.fonts, date, first->client, client_lines);
      std::filesystem::rename(service::partial_path(pdf), pdf);
      std::int64_t pieces = 0;
      for (const auto& line : client_lines) pieces += line.pieces;
      std::printf("%s: %s posted on %s -> %s.csv, .pdf\n", shown(first->client).c_str(),
                  counted(pieces, "piece", "pieces").c_str(), date.c_str(), shown(stem.string()).c_str());
      first = end;
    }
    return 0;
  }
  if (commands.report_clients->parsed()) {
    const auto month = parse_iso_month(commands.month);
    if (!month)
      throw Error(ErrorKind::usage, Where{.field = "--month"},
                  "expected a month YYYY-MM, got \"" + commands.month + "\"");
    const auto config = config_of(commands);
    const auto period = CentreTime(config.time_zone).month(*month);
    Store store = open_store(config);
    const auto accounts = client_accounts(store, iso_time(period.start), iso_time(period.end));
    const auto euros = [](std::int64_t cents) {
      char text[32];
      std::snprintf(text, sizeof text, "%lld.%02lld EUR", static_cast<long long>(cents / 100),
                    static_cast<long long>(cents % 100));
      return std::string(text);
    };
    std::printf("%-20s %10s %8s %8s %8s %8s %8s %7s %9s %14s\n", "client", "documents", "pieces", "sheets", "pages",
                "scanned", "inserts", "manual", "reprinted", "postage");
    for (const auto& account : accounts)
      std::printf("%-20s %10lld %8lld %8lld %8lld %8lld %8lld %7lld %9lld %14s\n", shown(account.client).c_str(),
                  static_cast<long long>(account.documents), static_cast<long long>(account.pieces),
                  static_cast<long long>(account.sheets), static_cast<long long>(account.print_pages),
                  static_cast<long long>(account.scan_pages), static_cast<long long>(account.inserts),
                  static_cast<long long>(account.manual_pieces), static_cast<long long>(account.reprinted_pieces),
                  euros(account.postage_cents()).c_str());
    if (accounts.empty()) std::printf("no work for any client in %s\n", commands.month.c_str());
    if (!commands.report_file.empty()) {
      service::write_file_atomically(commands.report_file.string(), client_report_csv(commands.month, accounts));
      std::printf("-> %s\n", shown(commands.report_file.string()).c_str());
    }
    return 0;
  }
  if (commands.audit_verify->parsed()) {
    Store store = open_store(commands);
    const auto problems = verify_audit(store);
    for (const auto& problem : problems) std::fprintf(stderr, "kuvert: %s\n", shown(problem).c_str());
    if (!problems.empty()) return 1;
    std::printf("audit trail intact\n");
    return 0;
  }
  if (commands.audit_list->parsed()) {
    for (const auto& [option, value] :
         {std::pair{"--from", &commands.audit_from}, std::pair{"--to", &commands.audit_to}})
      if (!value->empty() && !is_iso_date_or_time(*value))
        throw Error(ErrorKind::usage, Where{.field = option},
                    "\"" + *value + "\" is not a date or time (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
    Store store = open_store(commands);
    const AuditFilter filter{commands.audit_user, commands.audit_action, commands.audit_object, commands.audit_from,
                             commands.audit_to};
    for (const auto& record : read_audit(store, filter))
      std::printf("%6lld  %s  %-12s %-16s %-12s %s\n", static_cast<long long>(record.seq), record.entry.at.c_str(),
                  shown(record.entry.user).c_str(), record.entry.action.c_str(), shown(record.entry.object).c_str(),
                  shown(record.entry.detail).c_str());
    return 0;
  }
  return -1;
}

}  // namespace kuvert
