import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The bundled chime (made by scripts/make-chime.py): a short, valid PCM WAV.
describe("chime.wav", () => {
  const wav = readFileSync(new URL("./chime.wav", import.meta.url));
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const tag = (at: number) => wav.subarray(at, at + 4).toString("ascii");

  it("is a RIFF/WAVE file with a PCM format chunk", () => {
    expect(tag(0)).toBe("RIFF");
    expect(tag(8)).toBe("WAVE");
    expect(tag(12)).toBe("fmt ");
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint32(4, true)).toBe(wav.byteLength - 8);
  });

  it("lasts under a second", () => {
    const channels = view.getUint16(22, true);
    const rate = view.getUint32(24, true);
    const bits = view.getUint16(34, true);
    expect(tag(36)).toBe("data");
    const seconds = view.getUint32(40, true) / (rate * channels * (bits / 8));
    expect(seconds).toBeGreaterThan(0.2);
    expect(seconds).toBeLessThan(1);
  });
});
