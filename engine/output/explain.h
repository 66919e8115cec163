// Score records as a reviewer reads them: a one-line table row per shipment, or the full
// explanation with every hit and its evidence.
#ifndef CORRIDOR_ENGINE_OUTPUT_EXPLAIN_H_
#define CORRIDOR_ENGINE_OUTPUT_EXPLAIN_H_

#include <string>

#include "schemas/scores.pb.h"

namespace corridor {

std::string DecisionName(Decision decision);  // "clear", "review", "hold", "block"
bool ParseDecision(const std::string& name, Decision* decision);
std::string CategoryName(Category category);  // "secondary_sanctions", ...

// "shipment  score  decision  top reasons" header and rows, aligned for a terminal.
std::string TableHeader();
std::string TableRow(const scores::ShipmentScore& score);

// Multi-line explanation of one shipment: score, decision and why. `header` supplies the rules'
// descriptions (may be null: then hits show their ids only).
std::string ExplainShipment(const scores::ShipmentScore& score,
                            const scores::StreamHeader* header = nullptr);
std::string ExplainHeader(const scores::StreamHeader& header);
std::string ExplainSummary(const scores::StreamSummary& summary);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OUTPUT_EXPLAIN_H_
