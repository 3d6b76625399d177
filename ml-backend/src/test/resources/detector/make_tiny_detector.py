#!/usr/bin/python3
"""Writes tiny_detector.pt, tiny_detector.onnx and tiny_detector.names: a "detector" with YOLO-style output for tests.

tiny_detector.pt is TorchScript (any input size); tiny_detector.onnx is the same module traced at 1x3x64x64 (opset 13).

Run with Debian's torch (apt-get install -y python3-torch):
    /usr/bin/python3 make_tiny_detector.py [output_dir]

Input:  float [B, 3, H, W], RGB in [0, 1] (any H, W).
Output: float [B, 4 + C, N] (YOLOv8's raw export layout), rows cx, cy, w, h in input pixels, then one score per class.
Classes: car, person, zebra. The N = 5 candidates per image are:
  0  the bounding box of the bright pixels (channel mean > 0.75), car 0.9 (0 when nothing is bright)
  1  the same box moved one pixel right, car 0.6                -> removed by non-maximum suppression
  2  a fixed box centred at (W/4, H/4), W/8 x H/8, person 0.8
  3  a fixed box centred at (3W/4, 3H/4), W/8 x H/8, zebra 0.95  -> class unknown to the label config
  4  the fixed box of 2, person 0.1                              -> below the score threshold
"""
import os
import sys

import torch


class TinyDetector(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b = x.shape[0]
        h = x.shape[2]
        w = x.shape[3]
        bright = x.mean(dim=1) > 0.75                       # [B, H, W]
        cols = bright.any(dim=1)                            # [B, W]
        rows = bright.any(dim=2)                            # [B, H]
        xs = torch.arange(w, dtype=torch.float32).unsqueeze(0)
        ys = torch.arange(h, dtype=torch.float32).unsqueeze(0)
        big = 1.0e6
        x1 = (xs + (~cols).float() * big).min(dim=1).values
        x2 = (xs - (~cols).float() * big).max(dim=1).values + 1.0
        y1 = (ys + (~rows).float() * big).min(dim=1).values
        y2 = (ys - (~rows).float() * big).max(dim=1).values + 1.0
        found = cols.any(dim=1).float()
        x1 = x1 * found
        x2 = x2 * found
        y1 = y1 * found
        y2 = y2 * found
        cx = (x1 + x2) / 2.0
        cy = (y1 + y2) / 2.0
        bw = x2 - x1
        bh = y2 - y1
        ones = torch.ones(b)
        zeros = torch.zeros(b)
        fw = ones * (w / 8.0)
        fh = ones * (h / 8.0)
        candidates = [
            torch.stack([cx, cy, bw, bh, found * 0.9, zeros, zeros], dim=1),
            torch.stack([cx + 1.0, cy, bw, bh, found * 0.6, zeros, zeros], dim=1),
            torch.stack([ones * (w / 4.0), ones * (h / 4.0), fw, fh, zeros, ones * 0.8, zeros], dim=1),
            torch.stack([ones * (3.0 * w / 4.0), ones * (3.0 * h / 4.0), fw, fh, zeros, zeros, ones * 0.95], dim=1),
            torch.stack([ones * (w / 4.0), ones * (h / 4.0), fw, fh, zeros, ones * 0.1, zeros], dim=1),
        ]
        return torch.stack(candidates, dim=2)              # [B, 7, 5]


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    scripted = torch.jit.script(TinyDetector())
    path = os.path.join(out, "tiny_detector.pt")
    scripted.save(path)
    torch.onnx.export(TinyDetector(), torch.zeros(1, 3, 64, 64), os.path.join(out, "tiny_detector.onnx"), opset_version=13,
                      input_names=["images"], output_names=["output0"])
    with open(os.path.join(out, "tiny_detector.names"), "w", encoding="utf-8") as names:
        names.write("car\nperson\nzebra\n")
    probe = torch.full((1, 3, 64, 64), 0.1)
    probe[:, :, 16:32, 8:40] = 1.0
    print(path, tuple(scripted(probe).shape), scripted(probe)[0, :, 0].tolist())


if __name__ == "__main__":
    main()
