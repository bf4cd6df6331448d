#include "stages/plan/profile_lookup.hpp"

namespace kuvert {
namespace {

template <typename Profile>
const Profile& find(const std::map<std::string, Profile>& profiles, const std::string& name, const char* kind,
                    const char* field, Where where) {
  const auto it = profiles.find(name);
  if (it == profiles.end()) {
    where.field = field;
    throw Error(ErrorKind::internal, std::move(where),
                std::string(kind) + " profile \"" + name + "\" is not in the profile catalogue");
  }
  return it->second;
}

}  // namespace

const PaperProfile& find_paper(const ProfileCatalog& catalog, const std::string& name, const Where& where) {
  return find(catalog.papers, name, "paper", "paper", where);
}

const EnvelopeProfile& find_envelope(const ProfileCatalog& catalog, const std::string& name, const Where& where) {
  return find(catalog.envelopes, name, "envelope", "envelope", where);
}

const InserterProfile& find_inserter(const ProfileCatalog& catalog, const std::string& name, const Where& where) {
  return find(catalog.inserters, name, "inserter", "inserter", where);
}

const Feeder& find_feeder(const InserterProfile& inserter, const std::string& name, const Where& where) {
  if (const Feeder* feeder = inserter.feeder(name)) return *feeder;
  Where context = where;
  context.field = "inserts";
  throw Error(ErrorKind::internal, std::move(context),
              "inserter \"" + inserter.name + "\" has no feeder station \"" + name + "\"");
}

}  // namespace kuvert
