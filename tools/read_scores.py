#!/usr/bin/python3
"""Reads a corridor score stream (delimited or JSON lines) and prints one line per shipment.

Usage: tools/read_scores.py SCORES_FILE

Needs Debian's python3-protobuf and the Python classes generated from schemas/:
    protoc --python_out=OUT_DIR -I. schemas/common.proto schemas/scores.proto
    PYTHONPATH=OUT_DIR tools/read_scores.py out/demo.scores
"""
import json
import sys

from google.protobuf import json_format
from google.protobuf.internal.decoder import _DecodeVarint32

from schemas import common_pb2, scores_pb2


def read_records(path):
    """Yields ScoreRecord messages from a delimited or JSON-lines score stream."""
    with open(path, "rb") as f:
        data = f.read()
    # A JSON stream starts with the header record printed with its field name; a delimited one
    # with a varint length, which may itself be b"{" (123), followed by a tag byte, never b'"'.
    if data.lstrip().startswith(b'{"header"'):
        for line in data.decode("utf-8").splitlines():
            record = scores_pb2.ScoreRecord()
            json_format.Parse(line, record)
            yield record
        return
    pos = 0
    while pos < len(data):
        size, pos = _DecodeVarint32(data, pos)
        record = scores_pb2.ScoreRecord()
        record.ParseFromString(data[pos:pos + size])
        pos += size
        yield record


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for record in read_records(argv[1]):
        kind = record.WhichOneof("record")
        if kind == "header":
            print("as of", record.header.as_of, "rules", record.header.rules_digest[:12])
        elif kind == "shipment":
            s = record.shipment
            reasons = ", ".join(hit.rule_id for hit in s.hits)
            print(s.shipment_id, f"{s.score:g}", common_pb2.Decision.Name(s.decision), reasons or "-")
        elif kind == "summary":
            print(json.dumps(json_format.MessageToDict(record.summary)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
