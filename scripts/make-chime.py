#!/usr/bin/env python3
"""Writes ui/src/assets/chime.wav: Showcall's cue chime, two soft bell tones (0.45 s, 22.05 kHz,
mono, 16-bit PCM). Run once; the file is committed. Standard library only."""
import math
import pathlib
import struct
import wave

RATE = 22050
LENGTH = 0.45
out = pathlib.Path(__file__).resolve().parent.parent / "ui" / "src" / "assets" / "chime.wav"

frames = bytearray()
for i in range(int(RATE * LENGTH)):
    t = i / RATE
    second = t >= 0.12
    tone = math.sin(2 * math.pi * 880 * t) * math.exp(-7 * t)
    if second:
        u = t - 0.12
        tone += math.sin(2 * math.pi * 1318.5 * u) * math.exp(-8 * u)
    attack = min(1.0, t / 0.005)
    sample = int(max(-1.0, min(1.0, 0.35 * attack * tone)) * 32767)
    frames += struct.pack("<h", sample)

with wave.open(str(out), "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(RATE)
    w.writeframes(bytes(frames))
print(f"wrote {out} ({out.stat().st_size} bytes)")
