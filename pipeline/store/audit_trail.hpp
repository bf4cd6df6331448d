#pragma once
// The audit trail: every login, failed login and action, with user, time
// and object, in an append-only table (triggers refuse UPDATE and DELETE).
// Each record carries the hash of the one before and its own hash, keyed
// with the store's audit key; verify_audit finds any record changed,
// inserted or deleted, the last one included (the sealed head).
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/store/store.hpp"

namespace kuvert::store {

struct AuditEntry {
  std::string at;      // ISO time
  std::string user;    // who; "kuvert" for the service itself
  std::string action;  // "login", "login failed", "release", ...
  std::string object;  // "run J12-R0001", "job J12", "user anna", "input 7"
  std::string detail;  // free text: the reason of a refusal, a state change
};

struct AuditRecord {
  std::int64_t seq = 0;
  AuditEntry entry;
};

struct AuditFilter {
  std::string user;    // empty: anyone
  std::string action;  // empty: any
  std::string object;  // records whose object starts with this
  std::string from;    // ISO time, inclusive; empty: from the start
  std::string to;      // ISO time, exclusive; empty: up to now
  std::int64_t limit = 500;
};

// Appends inside the caller's transaction, so the record commits with the
// change it describes or not at all.
void append_audit(Store& store, const AuditEntry& entry);
// Newest first.
std::vector<AuditRecord> read_audit(Store& store, const AuditFilter& filter);
// Every break in the chain, in the operator's words; empty when intact.
std::vector<std::string> verify_audit(Store& store);

}  // namespace kuvert::store
