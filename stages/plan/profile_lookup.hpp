#pragma once
// Catalogue look-ups for planning. A job's profile names are validated
// before planning, so a name that is not found here is a bug in kuvert:
// every function throws Error(ErrorKind::internal) naming the profile, with
// `where` (job, document) as context.
#include <string>

#include "pipeline/model/error.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

const PaperProfile& find_paper(const ProfileCatalog& catalog, const std::string& name, const Where& where);
const EnvelopeProfile& find_envelope(const ProfileCatalog& catalog, const std::string& name, const Where& where);
const InserterProfile& find_inserter(const ProfileCatalog& catalog, const std::string& name, const Where& where);
const Feeder& find_feeder(const InserterProfile& inserter, const std::string& name, const Where& where);

}  // namespace kuvert
