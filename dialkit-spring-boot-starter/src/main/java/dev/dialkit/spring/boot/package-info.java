/**
 * Spring Boot 3 auto-configuration for Dialkit: a {@code CampaignStore} from the application's
 * DataSource or MongoClient, providers from {@code dialkit.providers.*}, a {@code CampaignDialer}
 * started once the web server listens and closed before the DataSource, a Spring MVC webhook
 * endpoint, Jackson, Actuator health and Micrometer metrics. Every bean steps aside for one the
 * application defines.
 */
package dev.dialkit.spring.boot;
