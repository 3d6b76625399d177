package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Proves the PyTorch engine comes from the Maven jars and computes on the CPU with no download. */
class PyTorchOfflineTest {

    @Test
    void djlRunsInOfflineMode() {
        assertThat(System.getProperty("ai.djl.offline", System.getenv("DJL_OFFLINE"))).isEqualTo("true");
    }

    @Test
    void engineLoadsFromTheClasspathJars() {
        EngineInfo engine = EngineInfo.loadPyTorch();

        assertThat(engine.name()).isEqualTo("PyTorch");
        assertThat(engine.version()).startsWith("2.7.1");
    }

    @Test
    void aTinyConvolutionalNetworkClassifiesABatchOnTheCpu() {
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(8).build())
                .add(Activation::relu)
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
        try (Model model = Model.newInstance("tiny", "PyTorch");
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(net);
            Shape input = new Shape(4, 3, 32, 32);
            net.initialize(manager, DataType.FLOAT32, input);

            NDArray images = manager.randomUniform(0f, 1f, input);
            NDList out = net.forward(new ParameterStore(manager, false), new NDList(images), false);

            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(4, 10));
            assertThat(out.singletonOrThrow().getDevice().isGpu()).isFalse();
            float[] probabilities = out.singletonOrThrow().softmax(1).sum(new int[] {1}).toFloatArray();
            assertThat(probabilities).containsOnly(new float[] {1f, 1f, 1f, 1f}, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }
}
