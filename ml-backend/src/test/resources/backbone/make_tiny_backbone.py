#!/usr/bin/python3
"""Writes tiny_backbone.pt and tiny_backbone_4d.pt: frozen "backbones" for tests of FLYWHEEL_BACKBONE.

Run with Debian's torch (apt-get install -y python3-torch):
    /usr/bin/python3 make_tiny_backbone.py [output_dir]

Input:  float [N, 3, S, S] (any S >= 8), normalised with the ImageNet mean and std, as Flywheel feeds a backbone.
Output: tiny_backbone.pt     float [N, 16]        (like a torchvision model with its fc replaced by Identity)
        tiny_backbone_4d.pt  float [N, 16, 1, 1]  (like a trunk ending in adaptive average pooling)

The 16 features are fixed, not learned, and separate the shape scenes of the tests (a bright circle, square or bar
on a dark background, anywhere in the image) for a linear head:
  0 area of the bright mask          1 width of its extent        2 height of its extent
  3 width - height (a bar is wide)    4 area / (width * height) (a circle fills less of its box than a square)
  5 mean |d/dx|   6 mean |d/dy|   7 mean |d/dx| * |d/dy| (diagonal edges: round outlines)
  8..15 a seeded 3x3 convolution with 8 filters, ReLU, global average pooling (generic texture features)
"""
import os
import sys

import torch

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


class TinyBackbone(torch.nn.Module):
    def __init__(self, four_d: bool):
        super().__init__()
        self.four_d = four_d
        self.register_buffer("mean", torch.tensor(MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(STD).view(1, 3, 1, 1))
        generator = torch.Generator().manual_seed(7)
        self.conv = torch.nn.Conv2d(3, 8, 3, padding=1)
        with torch.no_grad():
            self.conv.weight.copy_(torch.randn(8, 3, 3, 3, generator=generator) * 0.3)
            self.conv.bias.copy_(torch.randn(8, generator=generator) * 0.1)
        for p in self.parameters():
            p.requires_grad_(False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rgb = x * self.std + self.mean                          # back to [0, 1]
        gray = rgb.mean(dim=1)                                  # [N, S, S]
        mask = torch.sigmoid(20.0 * (gray - 0.4))
        area = mask.mean(dim=(1, 2))
        width = mask.max(dim=1).values.mean(dim=1)              # columns holding bright pixels
        height = mask.max(dim=2).values.mean(dim=1)             # rows holding bright pixels
        fill = area / (width * height + 1e-3)
        gx = (mask[:, :, 1:] - mask[:, :, :-1]).abs()[:, 1:, :]
        gy = (mask[:, 1:, :] - mask[:, :-1, :]).abs()[:, :, 1:]
        ex = gx.mean(dim=(1, 2))
        ey = gy.mean(dim=(1, 2))
        diagonal = (gx * gy).mean(dim=(1, 2))
        shape = torch.stack([area, width, height, width - height, fill, ex * 10.0, ey * 10.0, diagonal * 100.0], dim=1)
        texture = torch.relu(self.conv(rgb)).mean(dim=(2, 3))
        features = torch.cat([shape, texture], dim=1)           # [N, 16]
        if self.four_d:
            return features.unsqueeze(2).unsqueeze(3)
        return features


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, four_d in (("tiny_backbone.pt", False), ("tiny_backbone_4d.pt", True)):
        scripted = torch.jit.script(TinyBackbone(four_d).eval())
        path = os.path.join(out, name)
        scripted.save(path)
        probe = (torch.zeros(2, 3, 64, 64) - scripted.mean) / scripted.std
        probe[0, :, 10:40, 10:40] = ((torch.ones(3, 1, 1) * 0.9) - scripted.mean[0]) / scripted.std[0]
        print(path, os.path.getsize(path), "bytes", tuple(scripted(probe).shape), scripted(probe).flatten(1)[0, :8].tolist())


if __name__ == "__main__":
    main()
