// DataProblem: a problem in one input row, recorded in the output as data (never a reason to stop
// a batch). The one type every stage uses: loading records, the ownership graph, list imports,
// name screening and rules that fail on one shipment.
#ifndef CORRIDOR_ENGINE_BASE_DATA_PROBLEM_H_
#define CORRIDOR_ENGINE_BASE_DATA_PROBLEM_H_

#include <string>

namespace corridor {

// Which table, which row (its key), which column, what.
struct DataProblem {
  std::string table;
  std::string row_id;
  std::string column;
  std::string message;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_DATA_PROBLEM_H_
