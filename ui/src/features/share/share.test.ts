import { describe, expect, it } from "vitest";
import type { ShareLink, ShareSettings, ShareStatus, Stage } from "../../bindings";
import en from "../../i18n/en";
import {
  activeCount,
  baseUrl,
  bindChoiceOf,
  fieldOfError,
  formOf,
  isIpAddress,
  linkRows,
  parsePort,
  settingsFromForm,
  SHARE_VIEWS,
  statusView,
  svgDataUrl,
  viewersKey,
  viewHasStage,
  viewKey,
} from "./share";

const SETTINGS: ShareSettings = {
  on: false,
  bind: "127.0.0.1",
  port: 7870,
  oscPort: 9000,
  feedback: [{ eventId: "e1", to: "127.0.0.1:12321" }],
};

type StatusOver = Partial<Omit<ShareStatus, "settings">> & { settings?: Partial<ShareSettings> };

function status(over: StatusOver = {}): ShareStatus {
  return {
    running: false,
    addresses: [],
    viewers: 0,
    error: null,
    ...over,
    settings: { ...SETTINGS, ...over.settings },
  };
}

function link(over: Partial<ShareLink>): ShareLink {
  return {
    id: "l1",
    eventId: "e1",
    view: "speaker-timer",
    stageId: null,
    personId: null,
    control: false,
    created: "2027-04-15T13:00:00Z",
    revoked: null,
    ...over,
  };
}

const STAGES: Stage[] = [
  { id: "s1", eventId: "e1", name: "Main stage", position: 0 },
  { id: "s2", eventId: "e1", name: "Room B", position: 1 },
];

describe("addresses", () => {
  it("accepts IPv4 and IPv6 addresses the shell can parse", () => {
    const good = ["127.0.0.1", "0.0.0.0", "192.168.1.20", " 10.0.0.5 ", "::", "::1", "fe80::1"];
    good.push("2001:db8::8a2e:370:7334");
    for (const a of good) {
      expect(isIpAddress(a), a).toBe(true);
    }
    expect(isIpAddress("1:2:3:4:5:6:7:8")).toBe(true);
    expect(isIpAddress("::ffff:192.168.0.1")).toBe(true);
  });

  it("refuses names, ports, out-of-range parts and malformed IPv6", () => {
    for (const a of [
      "",
      "localhost",
      "192.168.1",
      "192.168.1.256",
      "192.168.01.2",
      "192.168.1.2:80",
      "1.2.3.4.5",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4::5:6:7:8",
      "1::2::3",
      "12345::1",
      "[::1]",
      "::ffff:300.1.1.1",
      "gggg::1",
    ]) {
      expect(isIpAddress(a), a).toBe(false);
    }
  });

  it("reads a stored bind address as one of the three choices", () => {
    expect(bindChoiceOf("127.0.0.1")).toEqual({ choice: "loopback", address: "" });
    expect(bindChoiceOf("::1").choice).toBe("loopback");
    expect(bindChoiceOf("0.0.0.0")).toEqual({ choice: "all", address: "" });
    expect(bindChoiceOf("::").choice).toBe("all");
    expect(bindChoiceOf("192.168.1.20")).toEqual({ choice: "one", address: "192.168.1.20" });
  });

  it("writes IPv6 hosts in brackets", () => {
    expect(baseUrl("192.168.1.20", 7870)).toBe("http://192.168.1.20:7870");
    expect(baseUrl("fe80::1", 80)).toBe("http://[fe80::1]:80");
  });
});

describe("server form", () => {
  it("opens on the stored settings", () => {
    expect(formOf({ ...SETTINGS, on: true, bind: "10.1.2.3", port: 8080 })).toEqual({
      on: true,
      choice: "one",
      address: "10.1.2.3",
      port: "8080",
    });
  });

  it("takes ports from 1 to 65535 only", () => {
    expect(parsePort("1")).toBe(1);
    expect(parsePort(" 65535 ")).toBe(65535);
    for (const p of ["0", "65536", "", "80a", "-1", "8.5", "123456"]) expect(parsePort(p), p).toBeNull();
  });

  it("builds the settings, keeping the OSC port and feedback the form does not show", () => {
    const r = settingsFromForm({ on: true, choice: "all", address: "ignored", port: "8080" }, SETTINGS);
    expect(r).toEqual({ ok: true, settings: { ...SETTINGS, on: true, bind: "0.0.0.0", port: 8080 } });
    const one = settingsFromForm({ on: false, choice: "one", address: " 192.168.1.20 ", port: "7870" }, SETTINGS);
    expect(one).toEqual({ ok: true, settings: { ...SETTINGS, on: false, bind: "192.168.1.20", port: 7870 } });
    const lo = settingsFromForm({ on: true, choice: "loopback", address: "junk", port: "7870" }, SETTINGS);
    expect(lo.ok && lo.settings.bind).toBe("127.0.0.1");
  });

  it("names each wrong field", () => {
    expect(settingsFromForm({ on: true, choice: "one", address: "", port: "0" }, SETTINGS)).toEqual({
      ok: false,
      errors: { bind: "share.addressRequired", port: "share.portInvalid" },
    });
    expect(settingsFromForm({ on: true, choice: "one", address: "my-laptop", port: "80" }, SETTINGS)).toEqual({
      ok: false,
      errors: { bind: "share.addressInvalid" },
    });
    expect(settingsFromForm({ on: true, choice: "all", address: "", port: "70000" }, SETTINGS)).toEqual({
      ok: false,
      errors: { port: "share.portInvalid" },
    });
  });

  it("maps the shell's field names onto the form's", () => {
    expect(fieldOfError("share.port")).toBe("port");
    expect(fieldOfError("share.bind")).toBe("bind");
    expect(fieldOfError("share.oscPort")).toBeNull();
    expect(fieldOfError(null)).toBeNull();
  });
});

describe("status", () => {
  it("is off when switched off, whatever else it says", () => {
    expect(statusView(status({ running: true, error: "x" }))).toEqual({ state: "off" });
  });

  it("says why it could not start", () => {
    expect(statusView(status({ settings: { on: true }, error: "port 7870 is taken" }))).toEqual({
      state: "failed",
      error: "port 7870 is taken",
    });
  });

  it("is starting while switched on but not yet listening", () => {
    expect(statusView(status({ settings: { on: true } }))).toEqual({ state: "starting" });
  });

  it("lists one address per interface with the port and counts the screens", () => {
    const s = status({
      settings: { on: true, bind: "0.0.0.0", port: 8080 },
      running: true,
      addresses: ["192.168.1.20", "fe80::1"],
      viewers: 3,
    });
    expect(statusView(s)).toEqual({
      state: "on",
      urls: ["http://192.168.1.20:8080", "http://[fe80::1]:8080"],
      viewers: 3,
      everywhere: true,
    });
  });

  it("falls back to the bound address when the shell lists none", () => {
    const v = statusView(status({ settings: { on: true, bind: "127.0.0.1" }, running: true }));
    expect(v).toEqual({ state: "on", urls: ["http://127.0.0.1:7870"], viewers: 0, everywhere: false });
  });

  it("counts screens in words that exist in the catalogue", () => {
    expect([0, 1, 2, 40].map(viewersKey)).toEqual([
      "share.viewers0",
      "share.viewers1",
      "share.viewersN",
      "share.viewersN",
    ]);
    for (const n of [0, 1, 2]) expect(en[viewersKey(n)]).toBeTruthy();
  });
});

describe("links", () => {
  it("offers every view, each with a label", () => {
    expect([...SHARE_VIEWS]).toEqual(["speaker-timer", "stage", "run-of-show", "closer", "clock"]);
    for (const v of SHARE_VIEWS) expect(en[viewKey(v)], v).toBeTruthy();
    expect(SHARE_VIEWS.filter(viewHasStage)).toEqual(["speaker-timer", "stage"]);
  });

  it("names stages, says 'on air' for none, and gives a clock no stage", () => {
    const rows = linkRows(
      [
        link({ id: "a", stageId: "s2" }),
        link({ id: "b", view: "stage", stageId: null, created: "2027-04-15T12:00:00Z" }),
        link({ id: "c", view: "clock", stageId: null, created: "2027-04-15T11:00:00Z" }),
        link({ id: "d", stageId: "gone", created: "2027-04-15T10:00:00Z" }),
      ],
      STAGES,
    );
    expect(rows.map((r) => [r.id, r.stage, r.onAir])).toEqual([
      ["a", "Room B", false],
      ["b", null, true],
      ["c", null, false],
      ["d", "gone", false],
    ]);
  });

  it("puts active links first, newest first, and marks revoked ones", () => {
    const rows = linkRows(
      [
        link({ id: "old", created: "2027-04-15T09:00:00Z" }),
        link({ id: "revoked-new", created: "2027-04-15T15:00:00Z", revoked: "2027-04-15T16:00:00Z" }),
        link({ id: "new", created: "2027-04-15T14:00:00Z", control: true }),
      ],
      STAGES,
    );
    expect(rows.map((r) => [r.id, r.active])).toEqual([
      ["new", true],
      ["old", true],
      ["revoked-new", false],
    ]);
    expect(rows[0].control).toBe(true);
    expect(activeCount([link({}), link({ revoked: "2027-04-15T16:00:00Z" })])).toBe(1);
  });

  it("escapes the QR code's SVG into a data URL", () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>');
    expect(url.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(url).not.toMatch(/[<>"#\s]/);
    expect(decodeURIComponent(url.split(",")[1])).toContain('<path d="M0 0h1v1H0z"/>');
  });
});
