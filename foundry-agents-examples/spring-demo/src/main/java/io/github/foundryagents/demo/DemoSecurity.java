package io.github.foundryagents.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with two fixed demo users; the user name becomes the task owner and the PREMIUM role the premium tier.
 * A real application plugs in its own authentication (OAuth2 resource server, SSO); the starter only reads the
 * authenticated principal. Not for production.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSecurity {

    /**
     * @param http Spring Security's builder
     * @return every /tasks call authenticated, health and metrics open
     * @throws Exception when the chain cannot be built
     */
    @Bean
    public SecurityFilterChain demoSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable()) // a stateless JSON API with Basic credentials on every call
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** @return alice (premium) and bob (standard), passwords in plain text: demo only */
    @Bean
    public UserDetailsService demoUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice-pass").roles("USER", "PREMIUM").build(),
                User.withUsername("bob").password("{noop}bob-pass").roles("USER").build());
    }
}
