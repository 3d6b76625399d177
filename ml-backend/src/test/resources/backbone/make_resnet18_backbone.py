#!/usr/bin/python3
"""Writes a ResNet-18-shaped TorchScript backbone with random weights, for timing the backbone path (not for accuracy).

Debian's python3-torch has no torchvision, so the network is spelled out here: torchvision's resnet18 with its fc
removed, [N, 3, S, S] -> [N, 512]. About 45 MB; write it outside the repository:
    /usr/bin/python3 make_resnet18_backbone.py /tmp/resnet18_random.pt
"""
import sys

import torch
from torch import nn


class Basic(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = nn.Sequential()
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return torch.relu(y + self.down(x))


class ResNet18Trunk(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        layers = []
        cin = 64
        for cout, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            layers += [Basic(cin, cout, stride), Basic(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.flatten(torch.nn.functional.adaptive_avg_pool2d(self.layers(self.stem(x)), 1), 1)


if __name__ == "__main__":
    torch.manual_seed(0)
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/resnet18_random.pt"
    scripted = torch.jit.script(ResNet18Trunk().eval())
    scripted.save(out)
    print(out, tuple(scripted(torch.zeros(2, 3, 224, 224)).shape))
