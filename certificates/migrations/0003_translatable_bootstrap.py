# Every existing row gets the default locale and a translation key of its own.
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("certificates", "0002_certificatetemplate_locale_and_more")]

    operations = [
        BootstrapTranslatableModel("certificates.CertificateTemplate"),
    ]
