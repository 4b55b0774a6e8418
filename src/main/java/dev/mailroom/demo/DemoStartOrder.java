package dev.mailroom.demo;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's mail server starts before the scheduler: db-scheduler starts while the application is still being put
 * together and at once runs the mailbox polls left due by the previous run, which without the mail server would end
 * in FETCH FAILED (and then RECOVERED) on every restart of the demo.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoStartOrder {

    /** The bean that starts db-scheduler (its Spring Boot starter's name for it). */
    static final String SCHEDULER_STARTER = "dbSchedulerStarter";

    @Bean
    static BeanFactoryPostProcessor demoMailServerBeforeScheduler() {
        return beanFactory -> mailServerFirst(beanFactory);
    }

    private static void mailServerFirst(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(SCHEDULER_STARTER)) {
            return;
        }
        BeanDefinition starter = beanFactory.getBeanDefinition(SCHEDULER_STARTER);
        String[] dependsOn = starter.getDependsOn() == null ? new String[0] : starter.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(DemoMailServer.BEAN_NAME)) {
            starter.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(DemoMailServer.BEAN_NAME))
                    .toArray(String[]::new));
        }
    }
}
