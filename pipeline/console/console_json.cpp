#include "pipeline/console/console_json.hpp"

namespace kuvert::console {

using namespace kuvert::store;

nlohmann::json run_json(const RunRecord& run) {
  const bool awaits_confirmation = run.sensitive && run.state == RunState::released;
  return {{"id", run.id},
          {"number", run_number(run.job, run.name)},
          {"job", run.job},
          {"job_name", run.job_name},
          {"client", run.client},
          {"name", run.name},
          {"printer", run.printer},
          {"pieces", run.pieces},
          {"sheets", run.sheets},
          {"pages", run.pages},
          {"sensitive", run.sensitive},
          {"state", std::string(name(run.state))},
          {"awaits_confirmation", awaits_confirmation},
          {"released_by", run.released_by},
          {"confirmed_by", run.confirmed_by},
          {"created", run.created_at},
          {"updated", run.updated_at},
          {"delivery_problem", run.delivery_problem},
          {"attention", run.attention},
          {"reprint_of", run.parent == 0 ? nlohmann::json(nullptr) : nlohmann::json(run.parent)},
          {"reprint_problem", run.reprint_problem},
          {"paper", run.paper},
          {"sides", run.sides},
          {"envelope", run.envelope},
          {"inserter", run.inserter},
          {"inserts", run.inserts},
          {"due", run.due},
          {"redeliver", run.redeliver}};
}

nlohmann::json job_json(const JobRecord& job) {
  return {{"id", job.id},
          {"input", job.input},
          {"kind", std::string(name(job.kind))},
          {"inbox", job.inbox},
          {"name", job.name},
          {"client", job.client},
          {"state", std::string(name(job.state))},
          {"documents", job.documents},
          {"pages", job.pages},
          {"pieces", job.pieces},
          {"errors", nlohmann::json::parse(job.errors, nullptr, false)},
          {"created", job.created_at},
          {"finished", job.finished_at}};
}

nlohmann::json audit_json(const AuditRecord& record, bool withheld) {
  return {{"seq", record.seq},
          {"at", record.entry.at},
          {"user", record.entry.user},
          {"action", record.entry.action},
          {"object", record.entry.object},
          {"detail", withheld ? "" : record.entry.detail},
          {"withheld", withheld}};
}

}  // namespace kuvert::console
