package dev.dialkit.examples.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The app in demo mode on a random port, on an in-memory H2 database: every test class with this
 * annotation shares one running app (Spring caches the context), each in tenants of its own. The
 * demo runs 200 times faster than real calls, with a small sample campaign.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = DashboardApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dialkit.demo=true",
      "dialkit.demo.leads=5",
      "dialkit.demo.speed=400",
      "spring.datasource.url=jdbc:h2:mem:dashboard-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
public @interface DashboardAppTest {}
