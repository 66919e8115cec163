#include "engine/config/checks.h"

#include <cmath>

#include "engine/base/strings.h"
#include "engine/rules/rule.h"

namespace corridor {

namespace {

using google::protobuf::FieldDescriptor;

std::string NonFiniteText(double value) {
  if (std::isnan(value)) return "nan";
  return value > 0 ? "inf" : "-inf";
}

// The value of a float or double field (element `index` of a repeated one) as a double.
double NumberAt(const google::protobuf::Message& message, const FieldDescriptor* field, int index) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
    return index < 0 ? reflection->GetFloat(message, field)
                     : reflection->GetRepeatedFloat(message, field, index);
  }
  return index < 0 ? reflection->GetDouble(message, field)
                   : reflection->GetRepeatedDouble(message, field, index);
}

}  // namespace

// The text format accepts "nan" and "inf" for floating fields; every comparison with NaN is
// false, so a NaN weight or threshold would silently disable the checks that use it. Checked for
// each rule file as a whole, by reflection, so no new field can be forgotten.
int CheckFiniteNumbers(const google::protobuf::Message& message, const FieldLocator& at,
                       Diagnostics* diagnostics) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);  // the fields that are set, in number order
  int flagged = 0;
  for (const FieldDescriptor* field : fields) {
    int count = field->is_repeated() ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      int index = field->is_repeated() ? i : -1;
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        const google::protobuf::Message& nested =
            index < 0 ? reflection->GetMessage(message, field)
                      : reflection->GetRepeatedMessage(message, field, index);
        flagged += CheckFiniteNumbers(nested, at.Nested(field->name(), index), diagnostics);
        continue;
      }
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_DOUBLE &&
          field->cpp_type() != FieldDescriptor::CPPTYPE_FLOAT) {
        break;  // not a number field: nothing to check in any element
      }
      double value = NumberAt(message, field, index);
      if (std::isfinite(value)) continue;
      diagnostics->push_back(
          {at.At(field->name(), index),
           field->name() + " must be a finite number, got " + NonFiniteText(value)});
      ++flagged;
    }
  }
  return flagged;
}

void CheckCountryGroup(const rules::CountryGroup& group, const FieldLocator& at,
                       Diagnostics* diagnostics) {
  // Every group must say where its membership comes from (a regulation, an advisory): a country
  // group decides decisions, and a reviewer must be able to check it.
  if (group.source().empty()) {
    diagnostics->push_back({at.self(), "country group \"" + group.name() + "\" names no source"});
  }
  for (int i = 0; i < group.countries_size(); ++i) {
    if (!IsKnownCountryCode(group.countries(i))) {
      diagnostics->push_back(
          {at.At("countries", i), "unknown country code \"" + group.countries(i) + "\""});
    }
  }
  for (int i = 0; i < group.regions_size(); ++i) {
    if (!IsRegionCodeShape(group.regions(i))) {
      diagnostics->push_back(
          {at.At("regions", i), "not an ISO 3166-2 region code \"" + group.regions(i) + "\""});
    }
  }
}

// Corroboration deltas move a 0..1 score: each must lie within -1..1, matches not below zero and
// conflicts not above.
void CheckNameMatching(const rules::NameMatchingConfig& config, const FieldLocator& at,
                       Diagnostics* diagnostics) {
  const google::protobuf::Reflection* reflection = config.GetReflection();
  // By reflection over every field, with the sign taken from the field's name ("...conflict"), so
  // a weight added to NameMatchingConfig is range-checked without changing this code.
  const google::protobuf::Descriptor* descriptor = config.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (!reflection->HasField(config, field)) continue;
    double value = reflection->GetDouble(config, field);
    bool conflict = field->name().find("conflict") != std::string::npos;
    if (!(conflict ? InRange(value, -1, 0) : InRange(value, 0, 1))) {
      diagnostics->push_back(
          {at.At(field->name()),
           field->name() + (conflict ? " must be between -1 and 0" : " must be between 0 and 1")});
    }
  }
}

void CheckScoring(const rules::ScoringConfig& scoring, const FieldLocator& at,
                  Diagnostics* diagnostics) {
  auto in_range = [&](double value, const char* field) {
    // Above 0: a threshold of 0 would make every shipment at least REVIEW (or BLOCK).
    if (!(value > 0 && value <= 100)) {
      diagnostics->push_back(
          {at.At(field), std::string(field) + " must be above 0 and at most 100"});
    }
  };
  in_range(scoring.review_at(), "review_at");
  in_range(scoring.hold_at(), "hold_at");
  in_range(scoring.block_at(), "block_at");
  if (!(scoring.review_at() <= scoring.hold_at() && scoring.hold_at() <= scoring.block_at())) {
    diagnostics->push_back({at.self(), "thresholds must satisfy review_at <= hold_at <= block_at"});
  }
  // Bands must cover every score from 0, so each shipment has a band name (AggregateScore takes the
  // last band the score reaches).
  if (scoring.bands_size() == 0 || scoring.bands(0).from() != 0) {
    diagnostics->push_back({at.self(), "bands must start with a band from 0"});
  }
  for (int i = 1; i < scoring.bands_size(); ++i) {
    if (!(scoring.bands(i).from() > scoring.bands(i - 1).from())) {  // NaN fails too
      diagnostics->push_back(
          {at.Nested("bands", i).At("from"), "bands must be in increasing order"});
    }
  }
}

}  // namespace corridor
