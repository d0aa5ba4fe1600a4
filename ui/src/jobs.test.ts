import { describe, expect, it, vi } from "vitest";

vi.mock("./ipc", () => ({ cancelJob: vi.fn(async () => null) }));

import * as ipc from "./ipc";
import { cancelJob, fraction, runJob, running } from "./jobs";

describe("runJob", () => {
  it("holds the slot while the job runs and frees it however it ends", async () => {
    let seen = "";
    const out = await runJob("export", async (id) => {
      seen = id;
      expect(running.export?.id).toBe(id);
      return 7;
    });
    expect(out).toBe(7);
    expect(seen).toMatch(/^export-/);
    expect(running.export).toBeUndefined();
    await expect(
      runJob("open", async () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(running.open).toBeUndefined();
  });

  it("cancels the job running in a slot by its id, once", async () => {
    let release: () => void = () => undefined;
    const job = runJob("apply", (id) => new Promise<string>((r) => (release = () => r(id))));
    await cancelJob("apply");
    await cancelJob("apply");
    expect(ipc.cancelJob).toHaveBeenCalledTimes(1);
    expect(vi.mocked(ipc.cancelJob).mock.calls[0][0].jobId).toBe(running.apply?.id);
    expect(running.apply?.cancelling).toBe(true);
    release();
    await job;
    await cancelJob("apply");
    expect(ipc.cancelJob).toHaveBeenCalledTimes(1);
  });
});

describe("fraction", () => {
  it("is done/total, clamped, and unknown without a total", () => {
    expect(fraction({ done: 5, total: 20, unit: "bytes", stage: "hash" })).toBe(0.25);
    expect(fraction({ done: 30, total: 20, unit: "rows", stage: "rows" })).toBe(1);
    expect(fraction({ done: 5, total: null, unit: "rows", stage: "rows" })).toBeNull();
    expect(fraction(null)).toBeNull();
  });
});
