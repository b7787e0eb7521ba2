package dev.dialkit.spring.boot.internal;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** Finds the one bean of a type the way autowiring would: the only one, or the primary one. */
final class UniqueBean {
  private UniqueBean() {}

  /**
   * The name of the bean of {@code type} autowiring would pick, or {@code null} if none or many.
   */
  static String name(ConfigurableListableBeanFactory beans, Class<?> type) {
    String[] names = beans.getBeanNamesForType(type);
    if (names.length == 1) {
      return names[0];
    }
    String primary = null;
    for (String name : names) {
      if (beans.containsBeanDefinition(name) && beans.getBeanDefinition(name).isPrimary()) {
        if (primary != null) {
          return null;
        }
        primary = name;
      }
    }
    return primary;
  }

  /**
   * Records that the store depends on {@code bean}, so that even without a lifecycle stop (a failed
   * start-up) the dialer and the store are destroyed before the DataSource or MongoClient.
   */
  static void storeDependsOn(ConfigurableListableBeanFactory beans, String bean) {
    beans.registerDependentBean(bean, StoreFactory.STORE_BEAN);
  }
}
