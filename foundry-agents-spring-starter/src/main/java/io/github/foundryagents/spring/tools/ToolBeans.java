package io.github.foundryagents.spring.tools;

import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolRegistry;
import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the application's beans that declare {@link Tool} methods and registers them, in bean definition order. Bean
 * types are read from their definitions, so only the tool beans themselves are created; proxies (transactions,
 * security) stay in front of the methods, because a method is invoked on the bean as the container holds it.
 */
final class ToolBeans {

    private ToolBeans() {
    }

    static ToolRegistry registry(ConfigurableListableBeanFactory beans, boolean strict) {
        ToolRegistry.Builder registry = ToolRegistry.builder().strict(strict);
        for (String name : beans.getBeanNamesForType(Object.class, true, false)) {
            if (isInfrastructure(beans, name)) {
                continue;
            }
            Class<?> type = beans.getType(name, false);
            if (type != null && hasToolMethods(ClassUtils.getUserClass(type))) {
                registry.toolsFrom(beans.getBean(name));
            }
        }
        return registry.build();
    }

    static boolean hasToolMethods(Class<?> type) {
        Map<Method, Tool> tools = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<Tool>) m -> AnnotatedElementUtils.findMergedAnnotation(m, Tool.class));
        return !tools.isEmpty();
    }

    private static boolean isInfrastructure(ConfigurableListableBeanFactory beans, String name) {
        return beans.containsBeanDefinition(name)
                && beans.getBeanDefinition(name).getRole() == BeanDefinition.ROLE_INFRASTRUCTURE;
    }
}
