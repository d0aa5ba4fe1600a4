#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/: small valid inputs of each format.

Usage: python3 fuzz/make_corpus.py DEMO.showcall
  DEMO.showcall: a package exported by the CLI, e.g.
    showcall --db /tmp/x.db demo
    showcall --db /tmp/x.db export --out /tmp/demo.showcall "$(showcall --db /tmp/x.db events | awk '{print $1}')"
  Its event.json is repacked compactly (the PDF/XLSX/ICS companions left out) to keep the seeds
  to a few KB. Images come from ImageMagick's `convert` when it is installed.
"""
import hashlib, io, json, os, struct, subprocess, sys, tempfile, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def out(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def zip_bytes(entries, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=(2027, 4, 15, 9, 0, 0))
            zi.compress_type = method
            z.writestr(zi, data)
    return b.getvalue()


# ---------------------------------------------------------------- package_read
def package(event_data, manifest_base, extra=(), keys=None):
    files, entries = [], []

    def add(path, data, role):
        files.append({"path": path, "sha256": hashlib.sha256(data).hexdigest(),
                      "size": len(data), "role": role})
        entries.append((path, data))

    add("event.json", event_data, "data")
    for path, data, role in extra:
        add(path, data, role)
    if keys is not None:
        add("secrets/stream-keys.json", keys, "secret")
    m = dict(manifest_base)
    m["files"] = files
    m["streamKeysIncluded"] = keys is not None
    return zip_bytes([("manifest.json", json.dumps(m, separators=(",", ":")).encode())] + entries)


def packages(demo_path):
    with zipfile.ZipFile(demo_path) as z:
        manifest = json.loads(z.read("manifest.json"))
        data = json.loads(z.read("event.json"))
    manifest.pop("files", None)
    compact = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    out("package_read", "demo", package(compact, manifest))
    # The same event with one attached file (a companion too, which is never read back).
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    sha = hashlib.sha256(png).hexdigest()
    out("package_read", "demo-asset", package(
        compact, manifest,
        extra=[("files/" + sha, png, "asset"), ("run-of-show.csv", b"a,b\n1,2\n", "companion")]))
    # Stream keys included (made-up, for a destination id that may not exist).
    dest_ids = [d["id"] for d in data["event"].get("destinations", [])]
    keys = json.dumps({i: "live_fake_key" for i in dest_ids} or {"x": "k"}).encode()
    out("package_read", "demo-keys", package(compact, manifest, keys=keys))
    # An empty event: the smallest valid package.
    ev = data["event"]["event"]
    empty = {"dataVersion": data["dataVersion"], "event": {"event": ev, "stages": [], "sessions": [],
             "segments": [], "people": [], "tasks": []}}
    out("package_read", "empty", package(json.dumps(empty, separators=(",", ":")).encode(), manifest))


# ---------------------------------------------------------------- agenda_csv
def agenda_csv():
    en = ("Title,Date,Start,End,Stage,Speakers,Description\n"
          "Keynote,2027-04-15,9:00,10:00,Main,\"Ana Silva; Bo Chen\",Opening\n"
          "\"Panel, with \"\"quotes\"\"\",04/15/2027,10:15 AM,11:00 AM,Side,Ana Silva,\"two\nlines\"\n")
    fr = ("Titre;Date;Début;Fin;Salle;Conférenciers\r\n"
          "Mot d’ouverture;15/04/2027;9 h 00;9 h 30;Salle principale;Élise Tremblay et Zoë Lévesque\r\n"
          "Atelier;2027-04-15;10h;10h45;Salle B;\r\n")
    out("agenda_csv", "en-utf8", en.encode())
    out("agenda_csv", "en-bom", b"\xef\xbb\xbf" + en.encode())
    out("agenda_csv", "fr-1252", fr.encode("cp1252"))
    out("agenda_csv", "fr-utf16le", b"\xff\xfe" + fr.replace(";", "\t").encode("utf-16-le"))
    out("agenda_csv", "tabs-ragged", b"Title\tDate\tStart\tEnd\nA\t2027-04-15\t9:00\n\nB\t2027-04-15\t9:00\t10:00\textra\n")
    out("agenda_csv", "no-required", b"Name,When\nx,y\n")


# ---------------------------------------------------------------- agenda_xlsx
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="Agenda" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="hh:mm"/></numFmts>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
          '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
SST = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="8">'
       '<si><t>Title</t></si><si><t>Date</t></si><si><t>Start</t></si><si><t>End</t></si>'
       '<si><t>Stage</t></si><si><t>Speakers</t></si><si><t>Keynote</t></si><si><t>Ana Silva; Bo Chen</t></si></sst>')
SHEET = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
         '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" s="1"><v>46492</v></c><c r="C2" s="2"><v>0.375</v></c>'
         '<c r="D2" s="2"><f>C2+1/24</f><v>0.41666666666666669</v></c><c r="E2" t="inlineStr"><is><t>Main</t></is></c>'
         '<c r="F2" t="s"><v>7</v></c></row>'
         '<row r="3"><c r="A3" t="inlineStr"><is><t>Panel</t></is></c><c r="C3" t="inlineStr"><is><t>10 h 15</t></is></c>'
         '<c r="D3" t="str"><v>11:00</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c></row>'
         '</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>')


def agenda_xlsx(runsheet):
    parts = [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WB),
             ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/styles.xml", STYLES),
             ("xl/sharedStrings.xml", SST), ("xl/worksheets/sheet1.xml", SHEET)]
    out("agenda_xlsx", "agenda", zip_bytes([(n, d.encode()) for n, d in parts]))
    out("agenda_xlsx", "agenda-stored", zip_bytes([(n, d.encode()) for n, d in parts], zipfile.ZIP_STORED))
    if runsheet:
        with open(runsheet, "rb") as f:
            out("agenda_xlsx", "runsheet", f.read())


# ---------------------------------------------------------------- asset_headers
def png_chunk(kind, data):
    import zlib
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def asset_headers():
    import zlib
    # A 2×1 RGBA PNG written by hand (always available), then ImageMagick's when installed.
    raw = b"\0" + b"\xff\0\0\x80" + b"\0\xff\0\xff"
    png = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 6, 0, 0, 0))
           + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b""))
    out("asset_headers", "rgba-2x1.png", png)
    out("asset_headers", "truncated.png", png[:-12])
    out("asset_headers", "gif-header", b"GIF89a\x10\x00\x10\x00\x00\x00\x00;")
    out("asset_headers", "mp4-ftyp", struct.pack(">I", 24) + b"ftypisom\0\0\x02\0isomiso2" + struct.pack(">I", 8) + b"mdat")
    out("asset_headers", "webm-ebml", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm")
    with tempfile.TemporaryDirectory() as t:
        for name, args in [("logo.png", ["-size", "16x9", "xc:none", "-fill", "red", "-draw", "point 3,3"]),
                           ("photo.jpg", ["-size", "16x9", "gradient:blue-white", "-quality", "50"]),
                           ("progressive.jpg", ["-size", "8x8", "xc:gray", "-interlace", "Plane"]),
                           ("anim.gif", ["-size", "4x4", "xc:red", "xc:blue", "-loop", "0"]),
                           ("pic.webp", ["-size", "8x8", "xc:green"]),
                           ("pic.bmp", ["-size", "4x4", "xc:white"])]:
            p = os.path.join(t, name)
            try:
                subprocess.run(["convert", *args, p], check=True, capture_output=True)
            except (OSError, subprocess.CalledProcessError):
                continue
            with open(p, "rb") as f:
                out("asset_headers", name, f.read())


# ---------------------------------------------------------------- amf_decode
def amf_str(s):
    b = s.encode()
    return struct.pack(">H", len(b)) + b


def amf_decode():
    num = lambda x: b"\x00" + struct.pack(">d", x)
    s = lambda x: b"\x02" + amf_str(x)
    obj = lambda props: b"\x03" + b"".join(amf_str(k) + v for k, v in props) + b"\0\0\x09"
    result = (s("_result") + num(1) + obj([("fmsVer", s("FMS/3,5,7,7009")), ("capabilities", num(31))])
              + obj([("level", s("status")), ("code", s("NetConnection.Connect.Success")),
                     ("objectEncoding", num(0))]))
    out("amf_decode", "connect-result", result)
    out("amf_decode", "mixed", b"\x01\x01" + b"\x05" + b"\x06" + b"\x0b" + struct.pack(">d", 1.8e12) + b"\0\0"
        + b"\x08" + struct.pack(">I", 1) + amf_str("k") + num(2) + b"\0\0\x09"
        + b"\x0a" + struct.pack(">I", 2) + num(1) + s("x")
        + b"\x0c" + struct.pack(">I", 3) + b"abc" + b"\x10" + amf_str("T") + amf_str("a") + b"\x05\0\0\x09")
    # RTMP chunks: a fmt-0 header on chunk stream 3 carrying the command, then Set Chunk Size.
    def chunk0(csid, type_id, stream, payload, ts=0):
        return (bytes([csid]) + ts.to_bytes(3, "big") + len(payload).to_bytes(3, "big")
                + bytes([type_id]) + struct.pack("<I", stream) + payload)
    scs = chunk0(2, 1, 0, struct.pack(">I", 4096))
    out("amf_decode", "chunks-result", bytes([len(scs)]) + scs[1:] if False else scs + chunk0(3, 20, 0, result[:128]) + b"\xc3" + result[128:])
    out("amf_decode", "chunks-control", chunk0(2, 5, 0, struct.pack(">I", 2500000))
        + chunk0(2, 6, 0, struct.pack(">IB", 2500000, 2)) + chunk0(2, 4, 0, struct.pack(">HI", 0, 1))
        + b"\x42" + (0).to_bytes(3, "big") + (4).to_bytes(3, "big") + b"\x02" + b"\0\0\0\x03"
        + chunk0(2, 2, 0, struct.pack(">I", 3)))
    # Two-byte and three-byte basic headers, an extended timestamp.
    out("amf_decode", "chunks-ext", b"\x00\x00" + b"\xff\xff\xff" + (5).to_bytes(3, "big") + b"\x12" + b"\1\0\0\0"
        + b"\0\0\0\x01" + s("ab") + b"\x01\x40\x01" + (0).to_bytes(3, "big") + (2).to_bytes(3, "big") + b"\x14\0\0\0\0" + b"\x05\x05")


# ---------------------------------------------------------------- edit_json
def edit_json():
    edits = {
        "add-stage": {"type": "addStage", "name": "A"},
        "rename-stage": {"type": "renameStage", "id": "@st0", "name": "Main hall"},
        "delete-session": {"type": "deleteSession", "id": "@se1"},
        "delete-person": {"type": "deletePerson", "id": "@pe0"},
        "delete-segment": {"type": "deleteSegment", "id": "@sg0"},
        "delete-stage": {"type": "deleteStage", "id": "@st1"},
        "update-event": {"type": "updateEvent", "fields": {
            "name": "E", "customer": "C", "timeZone": "Europe/Paris", "locale": "en-CA",
            "kitPurchaseDate": "2026-02-29", "kitTermMonths": 4294967295, "supportBudgetMinutes": 0}},
        "add-session": {"type": "addSession", "fields": {
            "stageId": "@st0", "title": "Late", "start": "2027-04-15T23:30", "end": "2027-04-16T01:00Z",
            "livestream": True, "recording": False, "vod": True, "restream": True}},
        "update-session": {"type": "updateSession", "id": "@se0", "fields": {
            "stageId": "@st1", "title": "Moved", "start": "2027-03-14T02:30", "end": "2027-03-14T03:30",
            "livestream": False, "recording": True, "vod": False}},
        "add-segment": {"type": "addSegment", "sessionId": "@se0", "position": 0, "fields": {
            "kind": "q_and_a", "title": "Q", "durationSecs": 9223372036854775807,
            "presenterIds": ["@pe0", "@pe1"], "notes": ""}},
        "add-session-ok": {"type": "addSession", "fields": {
            "stageId": "@st1", "title": "Wrap-up", "start": "2027-04-15T16:00", "end": "2027-04-15T16:30",
            "livestream": True, "recording": True, "vod": False}},
        "update-event-ok": {"type": "updateEvent", "fields": {
            "name": "Sommet", "customer": "B", "timeZone": "America/Vancouver", "locale": "fr-CA",
            "kitPurchaseDate": "", "kitTermMonths": 6, "supportBudgetMinutes": 60}},
        "move-segment": {"type": "moveSegment", "id": "@sg2", "to": 4294967295},
        "add-person": {"type": "addPerson", "fields": {
            "name": "Zoë", "role": "customer_lead", "email": "z@example.com", "timeZone": "Asia/Kolkata",
            "invitationSent": True, "techCheckDone": False}},
        "task-status": {"type": "setTaskStatus", "id": "@ta0", "status": "done"},
        "add-custom-cue": {"type": "addCustomCue", "fields": {
            "sessionId": "@se0", "segmentId": "@sg0", "anchor": "segment_end", "offsetSecs": -9223372036854775808,
            "kind": "time_check", "text": "Wrap", "leadSecs": 60}},
        "cue-setting": {"type": "setCueSetting", "kind": "go_live", "enabled": False, "leadSecs": -1},
        "add-destination": {"type": "addDestination", "fields": {
            "name": "YT", "preset": "youtube", "serverUrl": "rtmp://a.rtmp.youtube.com/live2",
            "backupUrl": "", "sessionIds": ["@se0"], "status": "requested"}},
    }
    for name, e in edits.items():
        out("edit_json", name, json.dumps(e).encode())


def main():
    demo = sys.argv[1] if len(sys.argv) > 1 else None
    runsheet = sys.argv[2] if len(sys.argv) > 2 else None
    if demo:
        packages(demo)
    agenda_csv()
    agenda_xlsx(runsheet)
    asset_headers()
    amf_decode()
    edit_json()


if __name__ == "__main__":
    main()
