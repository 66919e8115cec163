#!/usr/bin/python3
"""Reads a corridor score stream (delimited or JSON lines) and prints one line per shipment.

Usage: tools/read_scores.py SCORES_FILE

Needs Debian's python3-protobuf and the Python classes of schemas/, which the build makes
(build/python/schemas/*_pb2.py, target corridor_python) and `cmake --install` installs
(PREFIX/share/corridor/python). They are found on PYTHONPATH, else beside this script: ../python
(the install tree), else ../build/python (a checkout built into build/):
    cmake --build build && tools/read_scores.py out/demo.scores
    PYTHONPATH=OTHER_BUILD_DIR/python tools/read_scores.py out/demo.scores
"""
import json
import os
import sys
import zlib

from google.protobuf import json_format
from google.protobuf.internal.decoder import _DecodeVarint32


def _import_classes():
    """Imports schemas.common_pb2 and schemas.scores_pb2 from PYTHONPATH or beside the script."""
    here = os.path.dirname(os.path.realpath(__file__))
    candidates = [None, os.path.join(here, "..", "python"), os.path.join(here, "..", "build", "python")]
    for folder in candidates:
        if folder is not None:
            if not os.path.isfile(os.path.join(folder, "schemas", "scores_pb2.py")):
                continue
            sys.path.insert(0, folder)
        try:
            from schemas import common_pb2, scores_pb2  # pylint: disable=import-outside-toplevel
            return common_pb2, scores_pb2
        except ImportError:
            # A "schemas" folder without the classes (the .proto sources) must not shadow the next.
            for name in ("schemas", "schemas.common_pb2", "schemas.scores_pb2"):
                sys.modules.pop(name, None)
    sys.exit("read_scores.py: cannot find the Python classes of schemas/ (schemas/scores_pb2.py): "
             "build the project (cmake --build build) or set PYTHONPATH to BUILD_DIR/python")


common_pb2, scores_pb2 = _import_classes()


def check_record(record, payload=None):
    """Checks a record's checksum (ScoreRecord.crc32: zlib's CRC-32 of the record's bytes without
    the field, which the writer puts last) and clears it; raises ValueError when it does not hold.
    A record without one (a stream written before 2026-12-07) passes."""
    if not record.HasField("crc32"):
        return
    stated = record.crc32
    record.ClearField("crc32")
    if payload is not None and len(payload) >= 5 and payload[-5] == 0x7D:
        actual = zlib.crc32(payload[:-5])
    else:  # JSON, or the field not last: the record's own bytes without it
        actual = zlib.crc32(record.SerializeToString())
    if actual != stated:
        raise ValueError("checksum mismatch: the record was altered after it was written")


def read_records(path):
    """Yields ScoreRecord messages from a delimited or JSON-lines score stream, each checked."""
    with open(path, "rb") as f:
        data = f.read()
    # A JSON stream starts with the header record printed with its field name; a delimited one
    # with a varint length, which may itself be b"{" (123), followed by a tag byte, never b'"'.
    if data.lstrip().startswith(b'{"header"'):
        for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = scores_pb2.ScoreRecord()
            json_format.Parse(line, record)
            try:
                check_record(record)
            except ValueError as error:
                raise ValueError(f"{path}: record {number}: {error}") from None
            yield record
        return
    pos = 0
    number = 0
    while pos < len(data):
        size, pos = _DecodeVarint32(data, pos)
        payload = data[pos:pos + size]
        number += 1
        record = scores_pb2.ScoreRecord()
        record.ParseFromString(payload)
        pos += size
        try:
            check_record(record, payload)
        except ValueError as error:
            raise ValueError(f"{path}: record {number}: {error}") from None
        yield record


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        records = list(read_records(argv[1]))
    except ValueError as error:
        print(f"read_scores.py: {error}", file=sys.stderr)
        return 1
    for record in records:
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
