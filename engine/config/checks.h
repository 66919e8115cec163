// Checks of a rules folder's configuration that do not belong to one rule kind: numbers that
// must be finite, country groups, name-matching deltas, scoring thresholds. Each appends its
// findings to `diagnostics` at the offending field's position.
#ifndef CORRIDOR_ENGINE_CONFIG_CHECKS_H_
#define CORRIDOR_ENGINE_CONFIG_CHECKS_H_

#include <google/protobuf/message.h>

#include "engine/base/diagnostics.h"
#include "schemas/rules.pb.h"

namespace corridor {

// Flags every float or double field of `message` and its nested messages (repeated elements
// too) that holds NaN or an infinity. Text format accepts `nan`, `inf` and `-inf`, and a range
// check written `x < low || x > high` lets NaN through, so this runs on every parsed file
// before any other check. Returns the number of values flagged.
int CheckFiniteNumbers(const google::protobuf::Message& message, const FieldLocator& at,
                       Diagnostics* diagnostics);

void CheckCountryGroup(const rules::CountryGroup& group, const FieldLocator& at,
                       Diagnostics* diagnostics);
void CheckNameMatching(const rules::NameMatchingConfig& config, const FieldLocator& at,
                       Diagnostics* diagnostics);
void CheckScoring(const rules::ScoringConfig& scoring, const FieldLocator& at,
                  Diagnostics* diagnostics);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_CONFIG_CHECKS_H_
