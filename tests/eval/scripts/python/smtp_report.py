import smtplib
from email.message import EmailMessage

SMTP_HOST = "smtp.lab.local"


def send_report(body):
    msg = EmailMessage()
    msg["Subject"] = "Migration report"
    msg["To"] = "it@lab.local"
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.login("migration-bot", "B0t-Mail-2021")
        smtp.send_message(msg)
