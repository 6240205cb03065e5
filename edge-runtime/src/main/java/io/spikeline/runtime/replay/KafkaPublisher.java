package io.spikeline.runtime.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to one Kafka topic with an idempotent producer that waits for every in-sync replica. */
final class KafkaPublisher implements RecordPublisher {
    private final BrokerUrl url;
    private final KafkaProducer<String, byte[]> producer;
    private final long timeoutMs;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private KafkaPublisher(BrokerUrl url, KafkaProducer<String, byte[]> producer, long timeoutMs) {
        this.url = url;
        this.producer = producer;
        this.timeoutMs = timeoutMs;
    }

    static KafkaPublisher connect(BrokerUrl url, long timeoutMs) throws IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, url.hostPort());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "spikeline-replay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props);
        try {
            // Fetching the topic's metadata is the first contact with the broker: it fails within max.block.ms.
            producer.partitionsFor(url.topic());
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new IOException("cannot reach Kafka at " + url + " within " + timeoutMs / 1000.0
                    + " s (broker down, wrong address, or a topic that does not exist and is not created "
                    + "automatically): " + e.getMessage(), e);
        }
        return new KafkaPublisher(url, producer, timeoutMs);
    }

    @Override
    public void publish(String key, byte[] value) throws IOException {
        rethrow();
        try {
            producer.send(new ProducerRecord<>(url.topic(), key, value), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        } catch (KafkaException e) {
            throw new IOException("sending to " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() throws IOException {
        producer.flush();
        rethrow();
    }

    private void rethrow() throws IOException {
        Exception e = failure.get();
        if (e != null) {
            throw new IOException("sending to " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofMillis(timeoutMs));
    }
}
