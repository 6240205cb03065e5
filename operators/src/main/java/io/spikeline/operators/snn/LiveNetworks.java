package io.spikeline.operators.snn;

import io.spikeline.models.network.SpikingNetwork;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live networks of the most recently used keys of one operator instance, so that a backend that stores
 * serialised state (RocksDB) does not rebuild a key's network from its snapshot on every record. A bounded LRU
 * map: the least recently used key is forgotten when a new one comes in (its state is already in the backend).
 *
 * <p>The cache never holds anything the keyed state does not: a network is cached as read from or written to state,
 * and the state is written after every change, so a checkpoint sees every key's latest
 * network whatever is cached, and a restored or rescaled job (whose instances start with an empty cache) reads
 * exactly what was checkpointed. Whether caching pays is decided on the first write: a backend that hands back the
 * very object written (the heap backend) already holds live networks, and caching them would let a record mutate
 * an object that an asynchronous copy-on-write snapshot may still be serialising, so the cache then stays off.
 */
final class LiveNetworks {
    private enum Mode { UNDECIDED, ON, OFF }

    private final Map<String, SpikingNetwork> networks;
    private Mode mode;

    /** @param capacity keys kept; 0 for none */
    LiveNetworks(int capacity) {
        this.mode = capacity == 0 ? Mode.OFF : Mode.UNDECIDED;
        this.networks = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SpikingNetwork> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached network of {@code key}, or {@code null}. */
    SpikingNetwork get(String key) {
        return mode == Mode.ON ? networks.get(key) : null;
    }

    /** Whether the first write still has to decide between caching and not. */
    boolean undecided() {
        return mode == Mode.UNDECIDED;
    }

    /** Decides once: {@code stateKeepsObjects} (the state read back the very object written) turns caching off. */
    void decide(boolean stateKeepsObjects) {
        mode = stateKeepsObjects ? Mode.OFF : Mode.ON;
    }

    /** Caches {@code network}, just written to {@code key}'s state. */
    void put(String key, SpikingNetwork network) {
        if (mode == Mode.ON) {
            networks.put(key, network);
        }
    }
}
