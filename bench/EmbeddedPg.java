import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts an embedded PostgreSQL, prints its JDBC URL, and runs until its stdin closes. */
public class EmbeddedPg {
  public static void main(String[] a) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      System.out.println(pg.getJdbcUrl("postgres", "postgres"));
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the bench script to close our stdin
      }
    }
  }
}
