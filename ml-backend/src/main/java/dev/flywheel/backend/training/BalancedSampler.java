package dev.flywheel.backend.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Orders training examples so that every class is seen about equally often in each epoch, however unevenly people
 * labelled them: a rare class's images repeat, a common class's images take turns across epochs. Without it a
 * project where nine labels in ten are one class pre-labels everything as that class.
 */
final class BalancedSampler {

    private final List<Pool> pools = new ArrayList<>();
    private final int epochSize;
    private final Random random;

    BalancedSampler(List<Example> examples, Random random) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("nothing to sample from");
        }
        TreeMap<Integer, List<Example>> byLabel = new TreeMap<>();
        for (Example example : examples) {
            byLabel.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(example);
        }
        byLabel.values().forEach(members -> pools.add(new Pool(members)));
        this.epochSize = examples.size();
        this.random = random;
    }

    /** The next epoch: {@code examples.size()} examples, each class's share equal up to one, in random order. */
    List<Example> nextEpoch() {
        int classes = pools.size();
        List<Integer> extra = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            extra.add(c);
        }
        Collections.shuffle(extra, random);
        List<Example> epoch = new ArrayList<>(epochSize);
        for (int i = 0; i < classes; i++) {
            int share = epochSize / classes + (extra.indexOf(i) < epochSize % classes ? 1 : 0);
            Pool pool = pools.get(i);
            for (int k = 0; k < share; k++) {
                epoch.add(pool.next(random));
            }
        }
        Collections.shuffle(epoch, random);
        return epoch;
    }

    /** One class's examples, dealt without replacement and reshuffled when used up. */
    private static final class Pool {
        private final List<Example> members;
        private int next;

        Pool(List<Example> members) {
            this.members = new ArrayList<>(members);
            this.next = members.size();
        }

        Example next(Random random) {
            if (next == members.size()) {
                Collections.shuffle(members, random);
                next = 0;
            }
            return members.get(next++);
        }
    }
}
