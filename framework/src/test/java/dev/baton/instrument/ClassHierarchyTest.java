package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The class-file based type resolver behind frames, final-field checks and Thread detection. */
class ClassHierarchyTest {
  private final ClassHierarchy hierarchy = new ClassHierarchy(getClass().getClassLoader());

  @Test
  void commonSuperClassWalksSuperclassChainsIncludingJdkClasses() {
    assertThat(hierarchy.commonSuperClass("java/util/ArrayList", "java/util/LinkedList"))
        .isEqualTo("java/util/AbstractList");
    assertThat(hierarchy.commonSuperClass("java/lang/Integer", "java/lang/Long"))
        .isEqualTo("java/lang/Number");
    assertThat(hierarchy.commonSuperClass(sample("SavingsAccount"), sample("Account")))
        .isEqualTo(sample("Account"));
    assertThat(hierarchy.commonSuperClass(sample("Account"), sample("SavingsAccount")))
        .isEqualTo(sample("Account"));
    assertThat(hierarchy.commonSuperClass(sample("Account"), "java/lang/String"))
        .isEqualTo("java/lang/Object");
    assertThat(hierarchy.commonSuperClass("java/lang/String", "java/lang/String"))
        .isEqualTo("java/lang/String");
  }

  @Test
  void interfacesAndUnknownTypesMergeToObject() {
    assertThat(hierarchy.commonSuperClass("java/util/List", "java/util/ArrayList"))
        .isEqualTo("java/lang/Object");
    assertThat(hierarchy.commonSuperClass("java/util/ArrayList", "java/util/Collection"))
        .isEqualTo("java/lang/Object");
    assertThat(hierarchy.commonSuperClass("no/such/Type", "java/util/ArrayList"))
        .isEqualTo("java/lang/Object");
    assertThat(hierarchy.find("no/such/Type")).isNull();
  }

  @Test
  void fieldsResolveThroughSuperclassesAndInterfaces() {
    int id = hierarchy.fieldAccess(sample("SavingsAccount"), "id", "Ljava/lang/String;");
    int balance = hierarchy.fieldAccess(sample("SavingsAccount"), "balance", "I");
    assertThat(Modifier.isFinal(id)).isTrue();
    assertThat(balance).isNotEqualTo(-1);
    assertThat(Modifier.isFinal(balance)).isFalse();
    assertThat(hierarchy.fieldAccess(sample("Account"), "balance", "J")).isEqualTo(-1);
    // a constant inherited from an interface (java.io.ObjectStreamConstants via ObjectOutputStream)
    int magic = hierarchy.fieldAccess("java/io/ObjectOutputStream", "STREAM_MAGIC", "S");
    assertThat(Modifier.isFinal(magic)).isTrue();
  }

  @Test
  void threadSubclassesAreRecognised() {
    assertThat(hierarchy.isSubclassOf(sample("Threads$Worker"), "java/lang/Thread")).isTrue();
    assertThat(hierarchy.isSubclassOf("java/lang/Thread", "java/lang/Thread")).isTrue();
    assertThat(hierarchy.isSubclassOf("java/util/concurrent/ForkJoinWorkerThread", "java/lang/Thread"))
        .isTrue();
    assertThat(hierarchy.isSubclassOf(sample("Account"), "java/lang/Thread")).isFalse();
    assertThat(hierarchy.isSubclassOf("[Ljava/lang/Thread;", "java/lang/Thread")).isFalse();
  }

  private static String sample(String simpleName) {
    return "dev/baton/instrument/samples/" + simpleName;
  }
}
