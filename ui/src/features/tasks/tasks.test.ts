import { describe, expect, it } from "vitest";
import { createKeyedQueue, taskUpdate } from "./tasks";

const task = { id: "t1", status: "todo" as const, link: "https://vod.example/1", doneBy: "Sam" };

describe("taskUpdate", () => {
  it("carries the current link and done-by with a new status", () => {
    expect(taskUpdate(task, { status: "done" })).toEqual({
      type: "updateTask",
      id: "t1",
      status: "done",
      link: "https://vod.example/1",
      doneBy: "Sam",
      doneAt: null,
    });
  });

  it("changes one field, trims text, and may clear it", () => {
    expect(taskUpdate(task, { link: "  https://vod.example/2 " })).toMatchObject({
      status: "todo",
      link: "https://vod.example/2",
      doneBy: "Sam",
    });
    expect(taskUpdate(task, { doneBy: "" })).toMatchObject({ doneBy: "", link: "https://vod.example/1" });
  });
});

describe("createKeyedQueue", () => {
  it("runs jobs of one key in order, each after the previous settled, even when one fails", async () => {
    const enqueue = createKeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = enqueue("a", async () => {
      await gate;
      log.push("a1");
      throw new Error("nope");
    });
    const second = enqueue("a", async () => {
      log.push("a2");
      return 2;
    });
    const other = enqueue("b", async () => {
      log.push("b1");
      return 1;
    });
    await other;
    expect(log).toEqual(["b1"]);
    release();
    await expect(first).rejects.toThrow("nope");
    await expect(second).resolves.toBe(2);
    expect(log).toEqual(["b1", "a1", "a2"]);
  });
});
