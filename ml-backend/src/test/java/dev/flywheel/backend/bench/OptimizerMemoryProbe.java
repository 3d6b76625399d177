package dev.flywheel.backend.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.flywheel.backend.inference.ImageClassifierNet;
import dev.flywheel.backend.os.NativeMemory;
import dev.flywheel.backend.training.ScopedAdam;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reproduces the native memory a training run leaves behind: {@code -Dprobe.runs} short runs (model, trainer, 18 steps
 * of 16 images, all closed) with DJL's Adam, Flywheel's {@link ScopedAdam} or plain SGD, printing RSS after GC and
 * {@code malloc_trim} as runs go by.
 *
 * <p>Run (not CI): {@code java -cp <test classpath> dev.flywheel.backend.bench.OptimizerMemoryProbe adam|scoped|sgd}.
 * On DJL 0.36 with PyTorch 2.7.1, over 120 runs: DJL's Adam grows RSS by 1-2.5 MiB per run (its moments are detached
 * from every manager, so nothing frees them); {@code scoped} and {@code sgd} level off after about 60 runs.
 */
public final class OptimizerMemoryProbe {

    private OptimizerMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length == 0 ? "adam" : args[0];
        int runs = Integer.getInteger("probe.runs", 160);
        for (int run = 1; run <= runs; run++) {
            try (Model model = Model.newInstance("probe", "PyTorch")) {
                Optimizer optimizer = switch (kind) {
                    case "adam" -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.003f)).build();
                    case "scoped" -> new ScopedAdam(Tracker.fixed(0.003f), model.getNDManager());
                    default -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.003f)).build();
                };
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
                model.setBlock(ImageClassifierNet.build(3));
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(1, 3, 32, 32));
                    for (int step = 0; step < 18; step++) {
                        try (NDManager manager = trainer.getManager().newSubManager()) {
                            NDArray x = manager.create(new float[16 * 3 * 32 * 32], new Shape(16, 3, 32, 32));
                            NDArray y = manager.create(new float[16]);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                }
                if (optimizer instanceof ScopedAdam scoped) {
                    scoped.close();
                }
            }
            if (run % 20 == 0) {
                System.gc();
                Thread.sleep(200);
                NativeMemory.trim();
                String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("");
                System.out.println(kind + " run " + run + " " + rss.replaceAll("\\s+", " "));
            }
        }
    }
}
