package com.bpo.analytics.testing;

import com.bpo.contracts.EventPayload;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.function.BiFunction;

/** Copies of event records with some components changed, through the record's canonical constructor. */
final class RecordCopies {

    private RecordCopies() {}

    /** {@code event} with each component replaced by {@code change(component, value)}. */
    static EventPayload copy(EventPayload event, BiFunction<RecordComponent, Object, Object> change) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                values[i] = change.apply(component, component.getAccessor().invoke(event));
            }
            Constructor<? extends EventPayload> canonical = event.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + event.getClass().getName(), e);
        }
    }
}
