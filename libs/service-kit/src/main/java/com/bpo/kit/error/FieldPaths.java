package com.bpo.kit.error;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Names the field an error is about the way the caller wrote it: a JSON path into the request body such as
 * {@code items[3].sentAt}, or the name of a query, path, header, form or cookie parameter.
 */
final class FieldPaths {

    private final ObjectMapper objectMapper;
    private final ConcurrentMap<JavaType, Map<String, BeanPropertyDefinition>> propertiesByType =
            new ConcurrentHashMap<>();

    FieldPaths(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The path of a Jackson binding error, or {@code null} when it concerns the whole document. */
    static String ofJson(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                appendName(field, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    /**
     * The path of a Bean Validation violation without the method and parameter prefix ({@code create.request.}),
     * with each property under its JSON name. A violation of a JAX-RS parameter itself is named after the
     * parameter; a violation of the whole request body gives {@code null}.
     */
    String ofViolation(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        JavaType current = typeOf(violation.getRootBeanClass());
        List<Method> methods = List.of();
        String parameterName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    methods = declarationsOf(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                    current = null;
                }
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    parameterName = parameterName(methods, index, node.getName());
                    current = methods.isEmpty() ? null : typeOf(methods.get(0).getGenericParameterTypes()[index]);
                }
                case RETURN_VALUE ->
                    current = methods.isEmpty() ? null : typeOf(methods.get(0).getGenericReturnType());
                case PROPERTY -> {
                    current = enterElement(node, field, current);
                    BeanPropertyDefinition property = property(current, node.getName());
                    appendName(field, property == null ? node.getName() : property.getName());
                    current = property == null ? null : property.getPrimaryType();
                }
                case BEAN, CONTAINER_ELEMENT -> current = enterElement(node, field, current);
                case CONSTRUCTOR, CROSS_PARAMETER -> current = null;
            }
        }
        return field.isEmpty() ? parameterName : field.toString();
    }

    /** Bean Validation marks a node inside a container with the element's index or key; the path shows it. */
    private static JavaType enterElement(Path.Node node, StringBuilder field, JavaType container) {
        if (!node.isInIterable()) {
            return container;
        }
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            appendName(field, String.valueOf(node.getKey()));
        } else {
            field.append("[]");
        }
        return container == null ? null : container.getContentType();
    }

    private static void appendName(StringBuilder field, String name) {
        if (!field.isEmpty()) {
            field.append('.');
        }
        field.append(name);
    }

    private JavaType typeOf(Type type) {
        try {
            return objectMapper.getTypeFactory().constructType(type);
        } catch (RuntimeException e) {
            return null; // an unresolvable type only costs the JSON names below it
        }
    }

    private BeanPropertyDefinition property(JavaType owner, String javaName) {
        if (owner == null || owner.isContainerType() || owner.isPrimitive() || owner.isEnumType()) {
            return null;
        }
        return propertiesByType.computeIfAbsent(owner, this::introspect).get(javaName);
    }

    private Map<String, BeanPropertyDefinition> introspect(JavaType type) {
        Map<String, BeanPropertyDefinition> properties = new HashMap<>();
        try {
            for (BeanPropertyDefinition property :
                    objectMapper.getDeserializationConfig().introspect(type).findProperties()) {
                properties.put(property.getInternalName(), property);
            }
        } catch (RuntimeException e) {
            // Types Jackson cannot introspect keep their Java property names.
        }
        return properties;
    }

    /**
     * Every declaration of the validated method from the bean class up, most specific first: a CDI subclass
     * overrides the resource method without its parameter annotations, so those are looked up along the way.
     */
    private static List<Method> declarationsOf(Class<?> beanClass, Path.MethodNode node) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(Class<?>[]::new);
        List<Method> declarations = new ArrayList<>();
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(beanClass);
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            try {
                declarations.add(type.getDeclaredMethod(node.getName(), parameterTypes));
            } catch (NoSuchMethodException e) {
                // not declared here; keep looking up the hierarchy
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return declarations;
    }

    private static String parameterName(List<Method> declarations, int index, String javaName) {
        boolean known = false;
        for (Method method : declarations) {
            Parameter parameter = method.getParameters()[index];
            for (Annotation annotation : parameter.getAnnotations()) {
                Optional<String> name = httpName(annotation);
                if (name.isPresent()) {
                    return name.get().isEmpty() ? javaName : name.get();
                }
            }
            known = true;
        }
        // A parameter without a JAX-RS parameter annotation is the request body: the error concerns all of it.
        return known ? null : javaName;
    }

    private static Optional<String> httpName(Annotation annotation) {
        if (annotation instanceof QueryParam query) {
            return Optional.of(query.value());
        } else if (annotation instanceof PathParam path) {
            return Optional.of(path.value());
        } else if (annotation instanceof HeaderParam header) {
            return Optional.of(header.value());
        } else if (annotation instanceof FormParam form) {
            return Optional.of(form.value());
        } else if (annotation instanceof CookieParam cookie) {
            return Optional.of(cookie.value());
        } else if (annotation instanceof MatrixParam matrix) {
            return Optional.of(matrix.value());
        } else if (annotation instanceof RestQuery query) {
            return Optional.of(query.value());
        } else if (annotation instanceof RestPath path) {
            return Optional.of(path.value());
        } else if (annotation instanceof RestHeader header) {
            return Optional.of(header.value());
        } else if (annotation instanceof RestForm form) {
            return Optional.of(form.value());
        } else if (annotation instanceof RestCookie cookie) {
            return Optional.of(cookie.value());
        } else if (annotation instanceof RestMatrix matrix) {
            return Optional.of(matrix.value());
        }
        return Optional.empty();
    }
}
