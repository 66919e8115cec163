// corridor explain --format csv|json|html: the report formats of engine/output/explain_formats.h,
// on a hand-made stream (names chosen to break escaping) and on the screened samples.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/base/strings.h"
#include "engine/output/explain_formats.h"
#include "engine/output/score_stream.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::RunCorridor;
using testing::TempDir;

// A stream of two shipments: S-1 with one hit whose party and list entry carry hostile text, S-2
// clear with no hits.
std::string WriteHostileStream(const TempDir& dir) {
  const std::string path = dir.File("hostile.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record;
  scores::StreamHeader* header = record.mutable_header();
  header->set_engine_version("0.1.0");
  header->set_as_of("2026-12-01");
  header->set_rules_digest("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12");
  scores::ListVersion* list = header->add_lists();
  list->set_list_id("ofac-sdn");
  list->set_version("2026-11-30");
  list->set_entry_count(14965);
  scores::RuleInfo* rule = header->add_rules();
  rule->set_rule_id("sdn_party");
  rule->set_description("A party is on the SDN list, \"blocked\" & <reported>");
  REQUIRE(writer->Write(record).ok());

  record.Clear();
  scores::ShipmentScore* score = record.mutable_shipment();
  score->set_shipment_id("S-1");
  score->set_score(95);
  score->set_band("high");
  score->set_decision(BLOCK);
  scores::RuleHit* hit = score->add_hits();
  hit->set_rule_id("sdn_party");
  hit->set_category(SECONDARY_SANCTIONS);
  hit->set_weight(95);
  hit->set_contribution(95);
  hit->set_decision_floor(BLOCK);
  scores::Evidence* evidence = hit->add_evidence();
  evidence->set_summary("consignee <script>alert(1)</script> matches ofac-sdn:1 =HYPERLINK(\"x\")");
  evidence->mutable_party()->set_name("<script>alert(1)</script> Trading, \"Ltd\"");
  evidence->mutable_party()->set_role("consignee");
  scores::ListMatch* match = evidence->mutable_list_match();
  match->set_list_id("ofac-sdn");
  match->set_entry_id("1");
  match->set_entry_name("=HYPERLINK(\"http://evil\")");
  match->set_score(0.97);
  REQUIRE(writer->Write(record).ok());

  // S-2: a hit a reviewer cleared, suppressed (counted toward neither score nor decision).
  record.Clear();
  score = record.mutable_shipment();
  score->set_shipment_id("S-2");
  score->set_band("low");
  score->set_decision(CLEAR);
  hit = score->add_suppressed_hits();
  hit->set_rule_id("sdn_party");
  hit->set_category(SECONDARY_SANCTIONS);
  hit->set_weight(95);
  evidence = hit->add_evidence();
  evidence->set_summary("consignee Good Co matches ofac-sdn:2");
  scores::Review* review = evidence->mutable_review();
  review->set_source("decision");
  review->set_verdict("cleared");
  review->set_suppressed(true);
  review->set_decided_by("a.analyst");
  review->set_decided_at("2026-11-30T10:00:00Z");
  review->set_reason("different <company>, other country");
  REQUIRE(writer->Write(record).ok());

  record.Clear();
  record.mutable_summary()->set_shipments(2);
  record.mutable_summary()->set_clear(1);
  record.mutable_summary()->set_block(1);
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  return path;
}

TEST_CASE("CSV and HTML escaping helpers", "[explain-formats]") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  // Formula cells are made text for spreadsheets.
  CHECK(CsvField("=1+1") == "'=1+1");
  CHECK(CsvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(CsvField("-2") == "'-2");
  CHECK(HtmlEscape("<a href='x'>\"&\"</a>") ==
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
}

// From a review, 2026-12-08: explain printed names raw. A party named with a newline forged report
// lines (a fake suppressed hit, a fake "1 clear" summary), ESC sequences reached the terminal,
// and U+202E reversed the rest of the evidence line in text and in the HTML report.
TEST_CASE("Controls and bidirectional controls in the data are shown as escapes",
          "[explain-formats]") {
  CHECK(ShownText("plain Name, Ltd.") == "plain Name, Ltd.");
  CHECK(ShownText("a\nb\r\tc") == "a\\nb\\r\\tc");
  CHECK(ShownText("\x1b[8mhidden\x7f") == "\\x1b[8mhidden\\x7f");
  CHECK(ShownText("\xc2\x9b"
                  "2J") == "\\x9b2J");  // C1 CSI
  CHECK(ShownText("A\xe2\x80\xae"
                  "cba") == "A\\u202ecba");                            // RIGHT-TO-LEFT OVERRIDE
  CHECK(ShownText("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");  // isolates
  CHECK(ShownText("\xe2\x80\x8f\xd8\x9c") == "\\u200f\\u061c");
  // Letters are untouched: Cyrillic, Arabic, Han, and the dashes and quotes beside the controls.
  CHECK(ShownText("ООО Ромашка خليل 华为 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d") ==
        "ООО Ромашка خليل 华为 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d");
  CHECK(HtmlEscape("x\xe2\x80\xae<y>\n\x1bz") == "x\\u202e&lt;y&gt;\n\\x1bz");

  TempDir dir;
  const std::string path = dir.File("forged.scores");
  {
    std::unique_ptr<ScoreWriter> writer;
    REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
    scores::ScoreRecord record;
    record.mutable_header()->set_engine_version("0.1.0");
    REQUIRE(writer->Write(record).ok());
    record.Clear();
    scores::ShipmentScore* score = record.mutable_shipment();
    score->set_shipment_id("S-1\nshipment S-9: clear");
    score->set_decision(BLOCK);
    scores::RuleHit* hit = score->add_hits();
    hit->set_rule_id("sdn_party");
    hit->add_evidence()->set_summary(
        "consignee Alpha\n  suppressed  sdn_party (not counted)\n1 shipments: 1 clear\x1b[8m "
        "matches \xe2\x80\xae"
        "1:nds-cafo");
    REQUIRE(writer->Write(record).ok());
    record.Clear();
    record.mutable_summary()->set_shipments(1);
    record.mutable_summary()->set_block(1);
    REQUIRE(writer->Write(record).ok());
    REQUIRE(writer->Commit().ok());
  }
  auto text = RunCorridor(dir, "explain --scores " + path);
  REQUIRE(text.exit_code == 0);
  INFO(text.out);
  CHECK(text.out.find("\n  suppressed") == std::string::npos);
  CHECK(text.out.find("\n1 shipments: 1 clear") == std::string::npos);
  CHECK(text.out.find("\nshipment S-9") == std::string::npos);
  CHECK(text.out.find('\x1b') == std::string::npos);
  CHECK(text.out.find("\xe2\x80\xae") == std::string::npos);
  CHECK(text.out.find("consignee Alpha\\n  suppressed") != std::string::npos);
  auto html = RunCorridor(dir, "explain --format html --scores " + path);
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("\xe2\x80\xae") == std::string::npos);
  CHECK(html.out.find('\x1b') == std::string::npos);
  CHECK(html.out.find("\\u202e1:nds-cafo") != std::string::npos);
}

TEST_CASE("explain --format csv: one row per hit, documented columns", "[explain-formats]") {
  TempDir dir;
  const std::string scores = WriteHostileStream(dir);
  auto result = RunCorridor(dir, "explain --format csv --scores " + scores);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out ==
        "shipment_id,score,band,decision,rule_id,category,weight,contribution,decision_floor,"
        "description,evidence,list_entries,data_problems,status,reviews,record\r\n"
        "S-1,95,high,block,sdn_party,secondary_sanctions,95,95,block,"
        "\"A party is on the SDN list, \"\"blocked\"\" & <reported>\","
        "\"consignee <script>alert(1)</script> matches ofac-sdn:1 =HYPERLINK(\"\"x\"\")\","
        "\"ofac-sdn:1 =HYPERLINK(\"\"http://evil\"\") (0.97)\",0,hit,,full\r\n"
        "S-2,0,low,clear,sdn_party,secondary_sanctions,95,0,,"
        "\"A party is on the SDN list, \"\"blocked\"\" & <reported>\","
        "consignee Good Co matches ofac-sdn:2,,0,suppressed,"
        "\"cleared by a.analyst at 2026-11-30T10:00:00Z: different <company>, other country; "
        "suppressed\",full\r\n");
}

// From a review, 2026-12-07: the CSV list_entries column and the HTML case report showed scores
// and shares rounded to nearest (a 0.9963 match as "1", 49.996% as "50%"); like the text explain,
// they are rounded down, so a shown figure never passes a threshold the true one does not.
TEST_CASE("explain --format csv and html show scores and shares rounded down and never up",
          "[explain-formats]") {
  TempDir dir;
  const std::string path = dir.File("rounding.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record;
  record.mutable_header()->set_as_of("2026-12-01");
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  scores::ShipmentScore* score = record.mutable_shipment();
  score->set_shipment_id("S-1");
  score->set_score(60);
  score->set_band("elevated");
  score->set_decision(REVIEW);
  scores::RuleHit* hit = score->add_hits();
  hit->set_rule_id("sdn_party");
  hit->set_weight(95);
  hit->set_contribution(60);
  scores::Evidence* evidence = hit->add_evidence();
  evidence->set_summary("consignee matches");
  scores::ListMatch* match = evidence->mutable_list_match();
  match->set_list_id("ofac-sdn");
  match->set_entry_id("1");
  match->set_entry_name("VOLGA GROUP");
  match->set_score(0.9963);
  evidence = hit->add_evidence();
  evidence->set_summary("consignee minority_ownership");
  match = evidence->mutable_list_match();
  match->set_list_id("ofac-sdn");
  match->set_entry_id("2");
  match->set_entry_name("KAMA HOLDING");
  match->set_score(0.29);  // 0.28999999999999998 as a double: still 0.29
  scores::Ownership* ownership = evidence->mutable_ownership();
  ownership->set_finding("minority_ownership");
  ownership->set_regime("ofac");
  ownership->set_blocked_share_lower(49.996);
  ownership->set_blocked_share_upper(49.996);
  scores::OwnershipStep* step = ownership->add_path();
  step->set_owner("entity:G");
  step->set_owner_name("Volga Group");
  step->set_owned_name("Almost Half LLP");
  step->set_share(49.996);
  step->set_share_known(true);
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  record.mutable_summary()->set_shipments(1);
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());

  auto csv = RunCorridor(dir, "explain --format csv --scores " + path);
  REQUIRE(csv.exit_code == 0);
  INFO(csv.out);
  CHECK(csv.out.find("ofac-sdn:1 VOLGA GROUP (0.99) | ofac-sdn:2 KAMA HOLDING (0.29)") !=
        std::string::npos);
  auto html = RunCorridor(dir, "explain --format html --shipment S-1 --scores " + path);
  REQUIRE(html.exit_code == 0);
  INFO(html.out);
  CHECK(html.out.find(", score 0.99</td>") != std::string::npos);
  CHECK(html.out.find(", score 0.29</td>") != std::string::npos);
  CHECK(html.out.find("listed share 49.99..49.99%") != std::string::npos);
  CHECK(html.out.find("holds 49.99% of Almost Half LLP") != std::string::npos);
  CHECK(html.out.find("50%") == std::string::npos);
}

// EU Reg. 269/2014 Art. 2 ("owned more than 50%"): the case report shows the regime's test the
// shares were judged by and the decimals that show 50.004% passes it ("50%" read as not passing).
// A stream written before the test was recorded in it shows two decimals, as before.
TEST_CASE("explain --format html shows the ownership test and a share just over it",
          "[explain-formats]") {
  TempDir dir;
  const std::string path = dir.File("eu.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record;
  record.mutable_header()->set_as_of("2026-12-01");
  REQUIRE(writer->Write(record).ok());
  for (const char* id : {"S-EU", "S-OLD"}) {
    record.Clear();
    scores::ShipmentScore* score = record.mutable_shipment();
    score->set_shipment_id(id);
    score->set_decision(BLOCK);
    scores::RuleHit* hit = score->add_hits();
    hit->set_rule_id("owned_by_asset_freeze_counterparty");
    scores::Evidence* evidence = hit->add_evidence();
    evidence->set_summary("consignee blocked_by_ownership");
    scores::Ownership* ownership = evidence->mutable_ownership();
    ownership->set_finding("blocked_by_ownership");
    ownership->set_regime("eu");
    if (std::string(id) == "S-EU") {
      ownership->set_threshold_percent(50);
      ownership->set_threshold_inclusive(false);
    }
    ownership->set_blocked_share_lower(50.004);
    ownership->set_blocked_share_upper(50.004);
    scores::OwnershipStep* step = ownership->add_path();
    step->set_owner("entity:G");
    step->set_owner_name("Volga Group");
    step->set_owned_name("Just Over LLP");
    step->set_share(50.004);
    step->set_share_known(true);
    REQUIRE(writer->Write(record).ok());
  }
  record.Clear();
  record.mutable_summary()->set_shipments(2);
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());

  auto html = RunCorridor(dir, "explain --format html --shipment S-EU --scores " + path);
  REQUIRE(html.exit_code == 0);
  INFO(html.out);
  CHECK(html.out.find("blocked_by_ownership (eu, more than 50%), listed share 50.004..50.004%") !=
        std::string::npos);
  CHECK(html.out.find("holds 50.004% of Just Over LLP") != std::string::npos);
  html = RunCorridor(dir, "explain --format html --shipment S-OLD --scores " + path);
  REQUIRE(html.exit_code == 0);
  INFO(html.out);
  CHECK(html.out.find("blocked_by_ownership (eu), listed share 50..50%") != std::string::npos);
}

TEST_CASE("explain --format json: the Protobuf JSON mapping in a stable envelope",
          "[explain-formats]") {
  TempDir dir;
  const std::string scores = WriteHostileStream(dir);
  auto result = RunCorridor(dir, "explain --format json --scores " + scores);
  REQUIRE(result.exit_code == 0);
  nlohmann::json report = nlohmann::json::parse(result.out);
  CHECK(report["format"] == "corridor-explain");
  CHECK(report["format_version"] == 1);
  CHECK(report["header"]["lists"][0]["list_id"] == "ofac-sdn");
  CHECK(report["header"]["lists"][0]["entry_count"] == "14965");  // int64 is a string in JSON
  REQUIRE(report["shipments"].size() == 2);
  CHECK(report["shipments"][0]["decision"] == "BLOCK");
  CHECK(report["shipments"][0]["hits"][0]["evidence"][0]["party"]["name"] ==
        "<script>alert(1)</script> Trading, \"Ltd\"");
  CHECK(report["summary"]["shipments"] == "2");
  CHECK(report["shipments"][1]["suppressed_hits"][0]["evidence"][0]["review"]["verdict"] ==
        "cleared");

  // Filtered to one shipment: the run's summary would count others, so it is null.
  result = RunCorridor(dir, "explain --format json --shipment S-2 --scores " + scores);
  REQUIRE(result.exit_code == 0);
  report = nlohmann::json::parse(result.out);
  REQUIRE(report["shipments"].size() == 1);
  CHECK(report["shipments"][0]["shipment_id"] == "S-2");
  CHECK(report["summary"].is_null());
}

TEST_CASE("explain --format html: a self-contained case report with every text escaped",
          "[explain-formats]") {
  TempDir dir;
  const std::string scores = WriteHostileStream(dir);
  auto result = RunCorridor(dir, "explain --format html --shipment S-1 --scores " + scores);
  REQUIRE(result.exit_code == 0);
  const std::string& html = result.out;
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; Trading, &quot;Ltd&quot;") !=
        std::string::npos);
  CHECK(html.find("&quot;blocked&quot; &amp; &lt;reported&gt;") != std::string::npos);
  // What an auditor files: the case, the run's rules digest and list versions, the decision.
  CHECK(html.find("Case report: shipment S-1") != std::string::npos);
  CHECK(html.find("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12") !=
        std::string::npos);
  CHECK(html.find("<td>ofac-sdn</td><td>2026-11-30</td><td>14965</td>") != std::string::npos);
  CHECK(html.find("class=\"decision block\">block, score 95") != std::string::npos);
  CHECK(html.find("Reviewer's decision") != std::string::npos);
  // Self-contained: nothing is loaded from anywhere, scripts are forbidden.
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("S-2") == std::string::npos);
  CHECK(html.rfind("</html>\n") == html.size() - 8);

  // The reviewer's decision is part of the case: shown with the hit it suppressed.
  result = RunCorridor(dir, "explain --format html --shipment S-2 --scores " + scores);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("Suppressed by decisions or allow-lists: 1") != std::string::npos);
  CHECK(result.out.find("<tr><th>decision</th><td>cleared by a.analyst at 2026-11-30T10:00:00Z: "
                        "different &lt;company&gt;, other country; suppressed</td></tr>") !=
        std::string::npos);
}

TEST_CASE("explain --format html --out-dir: one report per shipment, named safely",
          "[explain-formats]") {
  TempDir dir;
  const std::string path = dir.File("ids.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record;
  record.mutable_header()->set_rules_digest("digest-of-the-rules");
  REQUIRE(writer->Write(record).ok());
  // Shipment ids are the company's text: none may leave the folder or overwrite another's report.
  for (const char* id : {"../S-1", "S/1", "S_1", "S-2"}) {
    record.Clear();
    record.mutable_shipment()->set_shipment_id(id);
    record.mutable_shipment()->set_decision(REVIEW);
    REQUIRE(writer->Write(record).ok());
  }
  record.Clear();
  record.mutable_summary()->set_shipments(4);
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());

  const std::string out = dir.File("cases");
  auto result = RunCorridor(dir, "explain --format html --out-dir " + out + " --scores " + path);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == out + "/_.._S-1.html\n" + out + "/S_1.html\n" + out + "/S_1-2.html\n" + out +
                          "/S-2.html\n");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"S-2.html", "S_1-2.html", "S_1.html", "_.._S-1.html"});
  const std::string report = testing::ReadText(out + "/S_1-2.html");
  CHECK(report.find("Case report: shipment S_1") != std::string::npos);
  CHECK(report.find("digest-of-the-rules") != std::string::npos);
  CHECK(report.rfind("</html>\n") == report.size() - 8);
  CHECK(RunCorridor(dir, "explain --format csv --out-dir " + out + " --scores " + path).exit_code ==
        2);
}

TEST_CASE("explain --format: text stays the default, an unknown format is a usage error",
          "[explain-formats]") {
  TempDir dir;
  const std::string scores = WriteHostileStream(dir);
  auto text = RunCorridor(dir, "explain --scores " + scores);
  auto explicit_text = RunCorridor(dir, "explain --format text --scores " + scores);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("shipment S-1: block, score 95 (high)") != std::string::npos);
  CHECK(explicit_text.out == text.out);
  CHECK(RunCorridor(dir, "explain --format xml --scores " + scores).exit_code == 2);
  CHECK(RunCorridor(dir, "explain --format csv --table --scores " + scores).exit_code == 2);
  CHECK(RunCorridor(dir, "explain --format csv --shipment S-9 --scores " + scores).exit_code == 1);
}

TEST_CASE("explain --format csv and json cover every screened sample shipment",
          "[explain-formats]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(
      dir, testing::ReadText(testing::SourceFile("samples/corridor_demo.sql")), "demo.db");
  REQUIRE(RunCorridor(dir, "screen --db " + db + " --rules " + testing::SourceFile("rules") +
                               " --out " + dir.File("s") + " --as-of 2025-12-01")
              .exit_code == 0);
  auto json = RunCorridor(dir, "explain --format json --scores " + dir.File("s"));
  REQUIRE(json.exit_code == 0);
  nlohmann::json report = nlohmann::json::parse(json.out);
  const size_t shipments = report["shipments"].size();
  CHECK(shipments >= 30);
  CHECK(report["summary"]["shipments"] == std::to_string(shipments));
  // CSV: a row per hit, a row for each shipment without hits.
  size_t expected_rows = 1;
  for (const auto& shipment : report["shipments"]) {
    expected_rows +=
        std::max<size_t>(1, shipment["hits"].size() + shipment["suppressed_hits"].size());
  }
  auto csv = RunCorridor(dir, "explain --format csv --scores " + dir.File("s"));
  REQUIRE(csv.exit_code == 0);
  size_t rows = 0;
  for (size_t at = 0; (at = csv.out.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  CHECK(rows == expected_rows);
  auto html = RunCorridor(dir, "explain --format html --shipment S-01 --scores " + dir.File("s"));
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("sdn_party") != std::string::npos);
}

// A CLEAR shipment as `screen` writes it without --full-evidence (ShipmentScore.compact): the
// hit keeps its rule id and contribution only, the rest is the header's rule.
std::string WriteCompactStream(const TempDir& dir) {
  const std::string path = dir.File("compact.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record;
  scores::StreamHeader* header = record.mutable_header();
  header->set_as_of("2026-12-01");
  header->set_full_evidence(false);
  scores::RuleInfo* rule = header->add_rules();
  rule->set_rule_id("dual_use_goods");
  rule->set_description("Dual-use goods to a diversion-risk country");
  rule->set_category(EXPORT_CONTROL);
  rule->set_weight(20);
  rule->set_decision_floor(REVIEW);
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  scores::ShipmentScore* score = record.mutable_shipment();
  score->set_shipment_id("S-C");
  score->set_score(12);
  score->set_band("low");
  score->set_decision(CLEAR);
  score->set_compact(true);
  scores::RuleHit* hit = score->add_hits();
  hit->set_rule_id("dual_use_goods");
  hit->set_contribution(12);
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  record.mutable_summary()->set_shipments(1);
  record.mutable_summary()->set_clear(1);
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  return path;
}

TEST_CASE("explain --format csv|json|html say a compact record is compact, never fake its fields",
          "[explain-formats]") {
  TempDir dir;
  const std::string scores = WriteCompactStream(dir);
  // CSV: the rule's category, weight and floor; the evidence cell says why it is empty.
  auto csv = RunCorridor(dir, "explain --format csv --scores " + scores);
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.substr(csv.out.find("\r\n") + 2) ==
        "S-C,12,low,clear,dual_use_goods,export_control,20,12,review,"
        "Dual-use goods to a diversion-risk country,"
        "evidence not written: a CLEAR shipment recorded compactly (screen --full-evidence keeps "
        "it),,0,hit,,compact\r\n");
  // JSON: still flagged compact, with the rule's category, weight and floor.
  auto json = RunCorridor(dir, "explain --format json --scores " + scores);
  REQUIRE(json.exit_code == 0);
  nlohmann::json report = nlohmann::json::parse(json.out);
  const nlohmann::json& shipment = report["shipments"][0];
  CHECK(shipment["compact"] == true);
  CHECK(shipment["hits"][0]["category"] == "EXPORT_CONTROL");
  CHECK(shipment["hits"][0]["weight"] == 20);
  CHECK(shipment["hits"][0]["decision_floor"] == "REVIEW");
  CHECK(shipment["hits"][0]["contribution"] == 12);
  CHECK(shipment["hits"][0]["evidence"].empty());
  // HTML: the case report says what was not written and how to get it.
  auto html = RunCorridor(dir, "explain --format html --scores " + scores);
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("<strong>Compact record.</strong>") != std::string::npos);
  CHECK(html.out.find("<code>--full-evidence</code>") != std::string::npos);
  CHECK(html.out.find("category export_control, weight 20, at least review") != std::string::npos);
  CHECK(html.out.find("unspecified") == std::string::npos);
  CHECK(html.out.find("<ol>") == std::string::npos);
  CHECK(html.out.find("<tr><th>clear shipments written</th><td>compactly, without their "
                      "evidence</td></tr>") != std::string::npos);
}

TEST_CASE("explain --format on the screened samples: compact clear records, full ones otherwise",
          "[explain-formats]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(
      dir, testing::ReadText(testing::SourceFile("samples/corridor_demo.sql")), "demo.db");
  REQUIRE(RunCorridor(dir, "screen --db " + db + " --rules " + testing::SourceFile("rules") +
                               " --out " + dir.File("s") + " --as-of 2025-12-01")
              .exit_code == 0);
  auto json = RunCorridor(dir, "explain --format json --scores " + dir.File("s"));
  REQUIRE(json.exit_code == 0);
  nlohmann::json report = nlohmann::json::parse(json.out);
  std::string compact_with_hits;
  for (const auto& shipment : report["shipments"]) {
    CHECK(shipment["compact"] == (shipment["decision"] == "CLEAR"));
    for (const auto& hit : shipment["hits"]) {
      CHECK(hit["category"] != "CATEGORY_UNSPECIFIED");
    }
    if (shipment["compact"] == true && !shipment["hits"].empty() && compact_with_hits.empty()) {
      compact_with_hits = shipment["shipment_id"];
    }
  }
  REQUIRE_FALSE(compact_with_hits.empty());
  auto csv = RunCorridor(
      dir, "explain --format csv --shipment " + compact_with_hits + " --scores " + dir.File("s"));
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.find(",unspecified,") == std::string::npos);
  CHECK(csv.out.find("evidence not written: a CLEAR shipment recorded compactly") !=
        std::string::npos);
  CHECK(csv.out.find(",compact\r\n") != std::string::npos);
  auto html = RunCorridor(
      dir, "explain --format html --shipment " + compact_with_hits + " --scores " + dir.File("s"));
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("Compact record.") != std::string::npos);
}

}  // namespace
}  // namespace corridor
