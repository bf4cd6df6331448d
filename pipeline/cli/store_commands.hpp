#pragma once
// `kuvert users`, `kuvert runs`, `kuvert posting`, `kuvert report` and `kuvert audit`: the console's actions
// from the command line, on the store named in kuvert.toml; and `kuvert
// store migrate`, which moves a SQLite store into PostgreSQL. They translate
// arguments into calls of pipeline/store; the rules live there.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

namespace kuvert {

struct StoreCommands {
  std::filesystem::path config = "kuvert.toml";
  std::filesystem::path layouts;
  std::filesystem::path fonts;
  std::string user;  // who acts (runs actions) or whom it concerns (users)
  std::string role = "operator";
  std::string language;                // users language
  std::string state;                   // runs list --state
  std::string run;                     // runs show / actions / results: "J12-R0001", or the run's id
  std::filesystem::path results;       // runs results: the inserter's file
  std::vector<std::string> verdicts;   // runs reconcile/clear --set PIECE=VERDICT
  std::string rest;                    // runs reconcile --rest VERDICT
  std::string reason;                  // why pieces are pulled
  std::string finding;                 // runs clear: the supervisor's
  std::string date;                    // runs posted --date, posting list --date
  std::string client;                  // posting list --client
  std::filesystem::path output = ".";  // posting list -o
  std::string month;                   // report clients --month
  std::filesystem::path report_file;   // report clients -o
  std::string action;                  // the runs action chosen
  std::string audit_user, audit_action, audit_object, audit_from, audit_to;
  std::filesystem::path move_from;  // store migrate --from: the SQLite store's folder
  std::string move_to;              // store migrate --to: the PostgreSQL URL
  CLI::App* users_add = nullptr;
  CLI::App* users_passwd = nullptr;
  CLI::App* users_list = nullptr;
  CLI::App* users_role = nullptr;
  CLI::App* users_language = nullptr;
  CLI::App* users_remove = nullptr;
  CLI::App* users_unlock = nullptr;
  CLI::App* runs_list = nullptr;
  CLI::App* runs_show = nullptr;
  CLI::App* runs_results = nullptr;
  CLI::App* runs_reconcile = nullptr;
  CLI::App* runs_clear = nullptr;
  std::vector<CLI::App*> runs_actions;
  CLI::App* posting_list = nullptr;
  CLI::App* report_clients = nullptr;
  CLI::App* audit_verify = nullptr;
  CLI::App* audit_list = nullptr;
  CLI::App* store_migrate = nullptr;
};

void add_store_commands(CLI::App& app, StoreCommands& commands);
// Runs the store command that was parsed, if any; returns its exit status,
// or -1 when none was. Throws kuvert::Error.
int run_store_commands(StoreCommands& commands);

}  // namespace kuvert
